namespace Nokor.Web.Localization;

public static partial class UiText
{
    /// <summary>Words of the sign-in page's second step and its refusals; every key starts with "auth.".</summary>
    private static Dictionary<string, (string Km, string En)> SignInTexts() => new(StringComparer.Ordinal)
    {
        ["auth.SecondFactor"] = ("កត្តាទីពីរ", "Second factor"),
        ["auth.SecondFactorHint"] = ("បញ្ចូលលេខកូដ ៦ ខ្ទង់ពីកម្មវិធីផ្ទៀងផ្ទាត់ (authenticator) របស់អ្នក ឬលេខកូដសង្គ្រោះមួយ។",
            "Enter the 6-digit code of your authenticator app, or one of your recovery codes."),
        ["auth.Totp"] = ("លេខកូដ ៦ ខ្ទង់", "6-digit code"),
        ["auth.RecoveryCode"] = ("លេខកូដសង្គ្រោះ", "Recovery code"),
        ["auth.Verify"] = ("ផ្ទៀងផ្ទាត់", "Verify"),
        ["auth.SecondFactorWrong"] = ("លេខកូដមិនត្រឹមត្រូវ ឬបានប្រើរួចហើយ។", "The code is wrong or was already used."),
        ["auth.Expired"] = ("ការចូលប្រើយូរពេក។ សូមចាប់ផ្ដើមម្ដងទៀតជាមួយពាក្យសម្ងាត់។", "The sign-in took too long; start again with the password."),
        ["auth.Throttled"] = ("ការព្យាយាមចូលប្រើច្រើនដងពេក។ សូមព្យាយាមម្ដងទៀតក្នុងរយៈពេល {0} វិនាទី។",
            "Too many sign-in attempts; try again in {0} seconds."),
        ["auth.EnrolmentRequired"] = ("តួនាទីរបស់គណនីនេះតម្រូវឱ្យមានកត្តាទីពីរ (TOTP) ដែលមិនទាន់បានរៀបចំ។ សូមស្នើអ្នកគ្រប់គ្រងប្រព័ន្ធរៀបចំវា។",
            "This account's role requires a second factor (TOTP), which is not set up yet. Ask an administrator to set it up."),
    };
}
