using System.CommandLine;
using System.Globalization;
using Borolyte.Knowledge;
using Borolyte.Mechanics;
using Borolyte.Reporting;
using Borolyte.Storage;
using Borolyte.Studies;
using Spectre.Console;

namespace Borolyte.Cli.Commands;

/// <summary>`borolyte mechanics elastic|plot`: VRH moduli, Pugh's ratio, anisotropy, Born stability, Monroe–Newman; the G–B comparison plot (docs/mechanics.md).</summary>
public static class MechanicsCommands
{
    public static Command Build()
    {
        var command = new Command("mechanics", "Mechanical properties: polycrystalline elastic moduli, ductility and the dendrite criterion");
        command.Subcommands.Add(Elastic());
        command.Subcommands.Add(Plot());
        return command;
    }

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static Command Elastic()
    {
        var cij = new Option<string?>("--cij") { Description = "36 stiffness constants C11 C12 … C66 (row-major, Voigt notation, GPa)" };
        var bulk = new Option<double?>("--bulk-gpa") { Description = "Bulk modulus B in GPa (with --shear-gpa, instead of --cij)" };
        var shear = new Option<double?>("--shear-gpa") { Description = "Shear modulus G in GPa (with --bulk-gpa, instead of --cij)" };
        var metal = new Option<string>("--metal") { Description = "Metal anode for the Monroe–Newman criterion: Li or Na", DefaultValueFactory = _ => "Li" };
        var metalShear = new Option<double?>("--metal-shear-gpa") { Description = "Shear modulus of the metal in GPa (default: Li 4.2, Na 3.3; CRC Handbook)" };
        var json = CliOutput.JsonOption();
        var command = new Command("elastic", "Voigt/Reuss/Hill bulk and shear moduli, Young's modulus, Poisson's ratio, Pugh's ratio, universal anisotropy, Born stability, Monroe–Newman")
        {
            cij, bulk, shear, metal, metalShear, json,
        };
        command.SetAction(parse =>
        {
            string? cijText = parse.GetValue(cij);
            double? b = parse.GetValue(bulk), g = parse.GetValue(shear);
            if (cijText is not null && (b is not null || g is not null))
                throw new UsageException("give either --cij or --bulk-gpa with --shear-gpa, not both");
            if (cijText is null && (b is null || g is null))
                throw new UsageException("give --cij \"c11 c12 … c66\" (36 numbers), or both --bulk-gpa and --shear-gpa");
            // A malformed tensor (count, a non-number, not symmetric, singular) is an error naming the option; a valid tensor
            // that is not positive definite is a physical answer (mechanically unstable): reported, with a warning, exit 0.
            ElasticProperties p;
            try
            {
                p = cijText is not null
                    ? ElasticProperties.FromStiffness(ElasticTensor.Parse(cijText))
                    : ElasticProperties.FromModuli(b!.Value, g!.Value);
            }
            catch (InvalidInputException e)
            {
                throw new InvalidInputException($"{(cijText is not null ? "--cij" : "--bulk-gpa/--shear-gpa")}: {e.Message}", e);
            }
            string metalSymbol = parse.GetValue(metal)!;
            double gMetal = parse.GetValue(metalShear) ?? DendriteCriterion.DefaultMetalShearModulusGpa(metalSymbol);
            var dendrite = DendriteCriterion.Evaluate(p.ShearModulusVrhGpa, gMetal);
            if (!p.BornStable)
                parse.InvocationConfiguration.Error.WriteLine(
                    $"warning: --cij: the stiffness matrix is not positive definite (smallest eigenvalue {Num(p.SmallestStiffnessEigenvalueGpa ?? double.NaN)} GPa), " +
                    "so the crystal is mechanically unstable (Born criterion); the averages and the Pugh and Monroe–Newman verdicts describe no stable solid");
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(parse, new
                {
                    bulkModulusVoigtGpa = p.BulkModulusVoigtGpa,
                    bulkModulusReussGpa = p.BulkModulusReussGpa,
                    bulkModulusVrhGpa = p.BulkModulusVrhGpa,
                    shearModulusVoigtGpa = p.ShearModulusVoigtGpa,
                    shearModulusReussGpa = p.ShearModulusReussGpa,
                    shearModulusVrhGpa = p.ShearModulusVrhGpa,
                    youngsModulusGpa = p.YoungsModulusGpa,
                    poissonRatio = p.PoissonRatio,
                    pughRatio = p.PughRatio,
                    ductile = p.Ductile,
                    universalAnisotropy = p.UniversalAnisotropy,
                    bornStable = p.BornStable,
                    smallestStiffnessEigenvalueGpa = p.SmallestStiffnessEigenvalueGpa,
                    dendrite = new
                    {
                        metal = metalSymbol,
                        metalShearModulusGpa = dendrite.MetalShearModulusGpa,
                        requiredShearModulusGpa = dendrite.RequiredShearModulusGpa,
                        suppressesDendrites = dendrite.Suppresses,
                    },
                });
                return CliApp.ExitOk;
            }
            var console = CliOutput.Console(parse);
            var table = new Table().AddColumn("Modulus (GPa)").AddColumn(new TableColumn("Voigt").RightAligned())
                .AddColumn(new TableColumn("Reuss").RightAligned()).AddColumn(new TableColumn("Hill").RightAligned());
            table.AddRow("bulk B", Num(p.BulkModulusVoigtGpa), Num(p.BulkModulusReussGpa), Num(p.BulkModulusVrhGpa));
            table.AddRow("shear G", Num(p.ShearModulusVoigtGpa), Num(p.ShearModulusReussGpa), Num(p.ShearModulusVrhGpa));
            console.Write(table);
            console.WriteLine($"Young's modulus E: {Num(p.YoungsModulusGpa)} GPa; Poisson's ratio: {Num(p.PoissonRatio)}");
            console.WriteLine($"Pugh's ratio B/G: {Num(p.PughRatio)} → {(p.Ductile ? "ductile" : "brittle")} (threshold {Num(ElasticProperties.PughThreshold)})");
            console.WriteLine($"Universal anisotropy A^U: {Num(p.UniversalAnisotropy)}; Born stable: " +
                              (p.BornStable ? "yes" : $"no (smallest eigenvalue of C: {Num(p.SmallestStiffnessEigenvalueGpa ?? double.NaN)} GPa) — mechanically unstable, the verdicts describe no stable solid"));
            console.WriteLine($"Monroe–Newman vs {metalSymbol} (G = {Num(gMetal)} GPa): needs G ≥ {Num(dendrite.RequiredShearModulusGpa)} GPa → {(dendrite.Suppresses ? "suppresses dendrites" : "does not suppress dendrites")}");
            return CliApp.ExitOk;
        });
        return command;
    }

    private static Command Plot()
    {
        var output = new Option<FileInfo>("--out") { Description = "HTML report to write (self-contained, plotly.js embedded)", Required = true };
        var db = new Option<string>("--db") { Description = "Knowledge-base file (default: $XDG_DATA_HOME/borolyte/borolyte.db)", DefaultValueFactory = _ => DatabaseLocation.Default() };
        var points = new Option<string[]>("--point")
        {
            Description = "A further material NAME=B,G (bulk and shear modulus in GPa, e.g. LLZO=100,60); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("plot", "Shear vs bulk modulus of the knowledge base's electrolytes (review Figure 12b) with iso-Young's-modulus, Pugh and Monroe–Newman lines")
        {
            output, db, points,
        };
        command.SetAction(parse =>
        {
            // parse the points before opening anything, so a malformed one writes nothing
            var extra = (parse.GetValue(points) ?? []).Select(p => ModulusPoint.Parse(p)).ToArray();
            KnowledgeDataset dataset;
            string dbPath = parse.GetValue(db)!;
            using (var kb = KnowledgeBase.Open(dbPath)) dataset = kb.Export();
            var rows = StabilitySection.MechanicalRows(dataset);
            var report = new HtmlReport("Shear vs bulk modulus") { Subtitle = $"knowledge base {dbPath}" + (extra.Length > 0 ? $" and {extra.Length} point(s) given" : "") };
            StabilitySection.AddMechanics(report, rows, extra);
            var file = parse.GetValue(output)!;
            report.Save(file.FullName);
            var console = CliOutput.Console(parse);
            console.WriteLine($"wrote {file.FullName}: {StabilitySection.ModulusPoints(rows).Count} knowledge-base compound(s) with B and G, " +
                              $"{ReferenceModuli.Load().Count} reference point(s), {extra.Length} point(s) given");
            foreach (var p in extra)
            {
                var e = ElasticProperties.FromModuli(p.BulkGpa, p.ShearGpa);
                string Suppresses(string metal) => DendriteCriterion.Evaluate(p.ShearGpa, DendriteCriterion.DefaultMetalShearModulusGpa(metal)).Suppresses ? "suppresses" : "does not suppress";
                console.WriteLine($"{p.Name}: E = {Num(e.YoungsModulusGpa)} GPa, B/G = {Num(e.PughRatio)} → {(e.Ductile ? "ductile" : "brittle")}; " +
                                  $"Monroe–Newman: {Suppresses("Li")} Li dendrites, {Suppresses("Na")} Na dendrites");
            }
            return CliApp.ExitOk;
        });
        return command;
    }
}
