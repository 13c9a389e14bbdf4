using Nokor.Legislation.Contracts;

namespace Nokor.Legislation.Bills;

/// <summary>
/// The review period of Article 113 of the Constitution (as amended in 1999): the Senate gives its
/// opinion on a law adopted by the National Assembly within one month of receiving it, within five
/// days when the law is urgent. Periods are calendar periods counted from the day of receipt (a
/// month ends on the same day number of the next month, or its last day when that month is
/// shorter); the periods themselves are settings (<see cref="LegislationOptions"/>).
/// </summary>
internal static class ReviewDeadlines
{
    public static ReviewProcedure ProcedureOf(bool urgent, bool budget) =>
        urgent ? ReviewProcedure.Urgent : budget ? ReviewProcedure.Budget : ReviewProcedure.Normal;

    /// <summary>The last day the Senate has for a law received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly DeadlineFor(DateOnly receivedOn, bool urgent, bool budget, LegislationOptions options)
    {
        var deadline = (budget ? options.BudgetPeriod : options.NormalPeriod).From(receivedOn);
        if (urgent)
        {
            // An urgent law takes the urgent period, or its own period if that is shorter.
            var urgentDeadline = options.UrgentPeriod.From(receivedOn);
            deadline = urgentDeadline < deadline ? urgentDeadline : deadline;
        }

        return deadline;
    }

    public static DeadlineStatus StatusOn(DateOnly deadlineOn, DateOnly today, bool decided, IReadOnlyList<int> warnAtDaysLeft)
    {
        var daysLeft = deadlineOn.DayNumber - today.DayNumber;
        if (decided)
        {
            return new DeadlineStatus(deadlineOn, daysLeft, DeadlineLevel.Closed, null);
        }

        if (daysLeft < 0)
        {
            return new DeadlineStatus(deadlineOn, daysLeft, DeadlineLevel.Passed, null);
        }

        if (daysLeft == 0)
        {
            return new DeadlineStatus(deadlineOn, 0, DeadlineLevel.DueToday, null);
        }

        int? threshold = null;
        foreach (var t in warnAtDaysLeft)
        {
            if (daysLeft <= t && (threshold is null || t < threshold))
            {
                threshold = t;
            }
        }

        return new DeadlineStatus(deadlineOn, daysLeft, threshold is null ? DeadlineLevel.Open : DeadlineLevel.Warning, threshold);
    }
}
