using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Mechanics;

/// <summary>
/// Polycrystalline elastic moduli of a material (GPa): Voigt, Reuss and Hill averages, Young's modulus, Poisson's ratio,
/// Pugh's ratio with its ductile/brittle verdict, the universal anisotropy index and Born mechanical stability.
/// Built from a 6×6 stiffness matrix (<see cref="FromStiffness"/>) or from isotropic B and G (<see cref="FromModuli"/>).
/// </summary>
public sealed record ElasticProperties(
    double BulkModulusVoigtGpa,
    double BulkModulusReussGpa,
    double BulkModulusVrhGpa,
    double ShearModulusVoigtGpa,
    double ShearModulusReussGpa,
    double ShearModulusVrhGpa,
    double YoungsModulusGpa,
    double PoissonRatio,
    double PughRatio,
    bool Ductile,
    double UniversalAnisotropy,
    bool BornStable)
{
    /// <summary>
    /// Smallest eigenvalue of the stiffness matrix (GPa) when built from one: ≤ 0 exactly when <see cref="BornStable"/> is
    /// false (which mode is soft); null when built from B and G.
    /// </summary>
    public double? SmallestStiffnessEigenvalueGpa { get; init; }
    /// <summary>Pugh's ductile/brittle threshold B/G = 1.75 (Pugh, Philos. Mag. 45 (1954) 823; seed 000 §3.3).</summary>
    public const double PughThreshold = 1.75;

    /// <summary>
    /// From the stiffness matrix C (Voigt notation, GPa). C must be symmetric (within 1e-6 of its largest entry) and
    /// invertible; a matrix that is not positive definite is still averaged but reported with <see cref="BornStable"/> false.
    /// </summary>
    public static ElasticProperties FromStiffness(ElasticTensor c)
    {
        var m = c.ToMatrix();
        // Voigt bounds (Hill, Proc. Phys. Soc. A 65 (1952) 349, eq. 10; Voigt 1928):
        // 9 K_V = (C11+C22+C33) + 2(C12+C23+C31); 15 G_V = (C11+C22+C33) − (C12+C23+C31) + 3(C44+C55+C66)
        double diag = m[0, 0] + m[1, 1] + m[2, 2], off = m[0, 1] + m[1, 2] + m[2, 0], shear = m[3, 3] + m[4, 4] + m[5, 5];
        double kv = (diag + 2 * off) / 9;
        double gv = (diag - off + 3 * shear) / 15;
        if (Math.Abs(m.Determinant()) < 1e-12 * Math.Pow(m.FrobeniusNorm(), 6))
            throw new InvalidInputException("elastic tensor: the 6×6 matrix is singular, so the compliance (and the Reuss bounds) do not exist");
        var s = m.Inverse();
        // Reuss bounds (Hill 1952, eq. 11; Reuss 1929): 1/K_R = (S11+S22+S33) + 2(S12+S23+S31);
        // 15/G_R = 4(S11+S22+S33) − 4(S12+S23+S31) + 3(S44+S55+S66)
        double sDiag = s[0, 0] + s[1, 1] + s[2, 2], sOff = s[0, 1] + s[1, 2] + s[2, 0], sShear = s[3, 3] + s[4, 4] + s[5, 5];
        double kr = 1 / (sDiag + 2 * sOff);
        double gr = 15 / (4 * sDiag - 4 * sOff + 3 * sShear);
        // Universal anisotropy A^U = 5 G_V/G_R + K_V/K_R − 6 (Ranganathan & Ostoja-Starzewski, PRL 101 (2008) 055504, eq. 8)
        double au = 5 * gv / gr + kv / kr - 6;
        // Born stability: C positive definite (Mouhat & Coudert, PRB 90 (2014) 224104, necessary and sufficient condition)
        var (born, smallest) = PositiveDefiniteness(m);
        return Build(kv, kr, gv, gr, au, born) with { SmallestStiffnessEigenvalueGpa = smallest };
    }

    /// <summary>From isotropic bulk and shear moduli (GPa): Voigt = Reuss = Hill, anisotropy 0; both must be &gt; 0.</summary>
    public static ElasticProperties FromModuli(double bulkModulusGpa, double shearModulusGpa)
    {
        if (!(bulkModulusGpa > 0) || double.IsInfinity(bulkModulusGpa))
            throw new InvalidInputException($"bulk modulus must be a finite number > 0 GPa, got {bulkModulusGpa.ToString(CultureInfo.InvariantCulture)}");
        if (!(shearModulusGpa > 0) || double.IsInfinity(shearModulusGpa))
            throw new InvalidInputException($"shear modulus must be a finite number > 0 GPa, got {shearModulusGpa.ToString(CultureInfo.InvariantCulture)}");
        // Isotropic Born conditions: B > 0 and G > 0 (Mouhat & Coudert 2014, eq. 11 in the isotropic limit)
        return Build(bulkModulusGpa, bulkModulusGpa, shearModulusGpa, shearModulusGpa, 0, true);
    }

    private static ElasticProperties Build(double kv, double kr, double gv, double gr, double au, bool born)
    {
        // Hill averages: arithmetic means of the Voigt and Reuss bounds (Hill 1952, eq. 12)
        double k = (kv + kr) / 2, g = (gv + gr) / 2;
        // Isotropic relations: E = 9BG/(3B+G), ν = (3B − 2G)/(2(3B+G)) (Landau & Lifshitz, Theory of Elasticity, §5)
        double e = 9 * k * g / (3 * k + g);
        double nu = (3 * k - 2 * g) / (2 * (3 * k + g));
        double pugh = k / g;
        return new ElasticProperties(kv, kr, k, gv, gr, g, e, nu, pugh, pugh > PughThreshold, au, born);
    }

    // Positive definite: every eigenvalue of the (symmetric) matrix above 1e-12 of the largest in magnitude.
    private static (bool PositiveDefinite, double Smallest) PositiveDefiniteness(Matrix<double> m)
    {
        var eigen = m.Evd(Symmetricity.Symmetric);
        double max = eigen.EigenValues.Max(v => Math.Abs(v.Real));
        double smallest = eigen.EigenValues.Min(v => v.Real);
        return (smallest > 1e-12 * max, smallest);
    }
}
