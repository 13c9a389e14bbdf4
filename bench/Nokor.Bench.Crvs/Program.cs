using Nokor.Bench.Crvs;

// Civil registration benchmark (docs/benchmarks.md, "Issue 3"; bench/crvs-load.sh runs it all):
//   setup  in process against the database (Database__Provider, ConnectionStrings__Nokor): sample
//          couples, keep the communes with the most, create their staff accounts, write the plan
//          [--births 10200] [--communes 100] [--sample 200000] [--seed 1] [--state DIR]
//   load   over HTTP against a running web host: births through notify, enter, verify, approve,
//          then certificate PDFs  [--url http://127.0.0.1:5080] [--clients 32] [--warmup 200]
//          [--births N] [--certificates 500] [--certificates-serial 100] [--host-pid PID] [--state DIR]
//   pdf    the certificate renderer in process  [--count 500] [--threads 1,2] [--state DIR]
//   marriages  over HTTP (issue 17): the plan's couples married through enter, verify, approve
//          [--url ...] [--clients 32] [--warmup 100] [--marriages N] [--host-pid PID] [--state DIR]
//   kinship    in process (issue 17): IPopulationRegistry.KinshipAsync on four kinds of pairs
//          [--pairs 2000] [--clients 32] [--seed 1]
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

if (args.Length == 0 || args[0] is not ("setup" or "load" or "pdf" or "marriages" or "kinship"))
{
    Console.Error.WriteLine("usage: Nokor.Bench.Crvs setup|load|pdf|marriages|kinship [--option value ...] (see Program.cs)");
    return 64;
}

var options = new Options(args.Skip(1));
return args[0] switch
{
    "setup" => await Setup.RunAsync(options, cts.Token),
    "load" => await Load.RunAsync(options, cts.Token),
    "marriages" => await Marriages.RunAsync(options, cts.Token),
    "kinship" => await Kinship.RunAsync(options, cts.Token),
    _ => await PdfRate.RunAsync(options, cts.Token),
};
