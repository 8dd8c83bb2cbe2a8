using Borolyte.Chemistry;

namespace Borolyte.Cli.Documents;

/// <summary>The JSON contract of `borolyte chem cluster --json` (also used for the demo's cluster table).</summary>
public static class ClusterDocument
{
    public static object From(string formulaText, ClusterElectronCount count) => new
    {
        formula = formulaText,
        charge = count.Charge,
        vertices = count.Vertices,
        skeletalElectronPairs = count.SkeletalElectronPairs,
        @class = count.ClassName,
        cluster = count.ClusterFormula,
        skeletalElectrons = count.SkeletalElectrons,
        mingosTotalElectrons = count.MingosTotalElectrons,
        expectedMingosElectrons = count.ExpectedMingosElectrons,
        explanation = count.Explanation,
    
    };
}
