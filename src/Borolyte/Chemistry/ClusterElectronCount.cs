namespace Borolyte.Chemistry;

/// <summary>
/// Result of a Wade–Mingos (PSEPT) electron count for one cluster unit.
/// </summary>
/// <param name="Formula">The formula as given (may be a salt such as Na2B12H12).</param>
/// <param name="ClusterFormula">The cluster unit that was counted, with its charge, e.g. "[B12H12]2-".</param>
/// <param name="Charge">Charge of the cluster unit (salts: derived from the counter-cations).</param>
/// <param name="Vertices">n: number of skeletal atoms (B plus heteroatoms such as C, N, S, P, Si).</param>
/// <param name="SkeletalElectrons">Σ(v − 2) over vertices + exo/bridging H (and halogens) + negative charge.</param>
/// <param name="Class">closo/nido/arachno/hypho from p − n.</param>
/// <param name="MingosTotalElectrons">Σ valence electrons of the vertices + H (+ halogens, one each) − charge.</param>
/// <param name="ExpectedMingosElectrons">4n+2, 4n+4, 4n+6, 4n+8 for closo, nido, arachno, hypho.</param>
/// <param name="Explanation">One line showing the arithmetic.</param>
public sealed record ClusterElectronCount(
    string Formula,
    string ClusterFormula,
    int Charge,
    int Vertices,
    int SkeletalElectrons,
    ClusterClass Class,
    int MingosTotalElectrons,
    int ExpectedMingosElectrons,
    string Explanation)
{
    /// <summary>p = skeletal electrons / 2.</summary>
    public double SkeletalElectronPairs => SkeletalElectrons / 2.0;

    /// <summary>"closo", "nido", "arachno" or "hypho".</summary>
    public string ClassName => Class.ToString().ToLowerInvariant();
}
