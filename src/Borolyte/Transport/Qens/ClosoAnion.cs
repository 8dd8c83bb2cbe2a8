namespace Borolyte.Transport.Qens;

/// <summary>The closo anions whose hydrogen geometry Borolyte builds.</summary>
public enum ClosoAnionKind { B12H12, B10H10, CB11H12 }

/// <summary>
/// Cage and hydrogen positions of a closo hydroborate anion (m, cage centre at the origin) built from bond lengths, and the
/// rotations that map it onto itself. Exo B–H and C–H bonds are taken radial (exact for the icosahedron and the apices,
/// an approximation of a few degrees for the equatorial B–H of [B10H10]²⁻ and the B–H next to C in [CB11H12]⁻).
/// </summary>
public sealed record ClosoAnion(ClosoAnionKind Kind, string Name, IReadOnlyList<Vector3D> Cage, IReadOnlyList<string> CageElements,
    IReadOnlyList<Vector3D> Hydrogens, string GeometrySource)
{
    private const double Angstrom = 1e-10;
    private static readonly double Phi = (1 + Math.Sqrt(5)) / 2;

    /// <summary>Named uniaxial axes (unit vectors) and their order, for the models this anion's symmetry allows.</summary>
    public IReadOnlyDictionary<string, (Vector3D Axis, int Order)> Axes { get; init; } = new Dictionary<string, (Vector3D, int)>();

    /// <summary>The rotation group of the multiaxial model.</summary>
    public IReadOnlyList<Rotation> MultiaxialGroup { get; init; } = [];

    /// <summary>What the multiaxial model means for this anion.</summary>
    public string MultiaxialDescription { get; init; } = "";

    public static ClosoAnion Parse(string text)
    {
        // "B12H12", "[B12H12]2-", "[CB11H12]−": the charge is only read after a closing bracket.
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^\[?([A-Za-z0-9]+)(?:\]\d*[-−]?)?$");
        var t = m.Success ? m.Groups[1].Value : text.Trim();
        return t.ToUpperInvariant() switch
        {
            "B12H12" => B12H12(),
            "B10H10" => B10H10(),
            "CB11H12" => CB11H12(),
            _ => throw new InvalidInputException($"--anion '{text}' is not known; use B12H12, B10H10 or CB11H12"),
        };
    }

    /// <summary>Unit-edge-2 icosahedron vertices (0, ±1, ±φ) and cyclic permutations; circumradius √(1+φ²).</summary>
    private static List<Vector3D> IcosahedronVertices()
    {
        var v = new List<Vector3D>();
        foreach (int a in new[] { -1, 1 })
            foreach (int b in new[] { -1, 1 })
            {
                v.Add(new(0, a, b * Phi));
                v.Add(new(a, b * Phi, 0));
                v.Add(new(b * Phi, 0, a));
            }
        return v;
    }

    private static Vector3D Outward(Vector3D atom, double bond) => atom + bond * atom.Unit;

    /// <summary>Vertex v₀, a neighbour and their common neighbour (a face) of the reference icosahedron.</summary>
    private static (Vector3D Vertex, Vector3D Neighbour, Vector3D Third) Face()
    {
        var v = IcosahedronVertices();
        bool Adjacent(Vector3D a, Vector3D b) => Math.Abs(Vector3D.Distance(a, b) - 2) < 1e-9;
        var n = v.First(x => Adjacent(x, v[0]));
        var third = v.First(x => Adjacent(x, v[0]) && Adjacent(x, n));
        return (v[0], n, third);
    }

    private static IReadOnlyList<Rotation> IcosahedralGroup()
    {
        var (a, b, c) = Face();
        return Rotation.Group(Rotation.About(a, 2 * Math.PI / 5), Rotation.About(a + b + c, 2 * Math.PI / 3));
    }

    private static Dictionary<string, (Vector3D, int)> IcosahedralAxes()
    {
        var (a, b, c) = Face();
        return new()
        {
            ["c5"] = (a.Unit, 5),           // through two opposite vertices
            ["c3"] = ((a + b + c).Unit, 3), // through two opposite face centres
            ["c2"] = ((a + b).Unit, 2),     // through two opposite edge midpoints
        };
    }

    /// <summary>
    /// [B12H12]²⁻, Iₕ: B–B 1.78 Å, B–H 1.12 Å (X-ray, Cs2[B12H12]: I. Tiritiris, Th. Schleid, “Structural investigations on Cs2[B12H12]”,
    /// Z. Anorg. Allg. Chem.; distances confirmed from its abstract, volume and page not verified). X-ray B–H bonds are short by ~0.1 Å against neutron values; pass other lengths to compare.
    /// </summary>
    public static ClosoAnion B12H12(double bbAngstrom = 1.78, double bhAngstrom = 1.12)
    {
        double scale = bbAngstrom * Angstrom / 2;
        var cage = IcosahedronVertices().Select(x => scale * x).ToList();
        return new ClosoAnion(ClosoAnionKind.B12H12, "[B12H12]2-", cage, cage.Select(_ => "B").ToList(),
            cage.Select(b => Outward(b, bhAngstrom * Angstrom)).ToList(),
            $"icosahedron, B–B {bbAngstrom} Å, B–H {bhAngstrom} Å (Tiritiris & Schleid, “Structural investigations on Cs2[B12H12]”, Z. Anorg. Allg. Chem.)")
        {
            Axes = IcosahedralAxes(), MultiaxialGroup = IcosahedralGroup(),
            MultiaxialDescription = "all 60 proper rotations of the icosahedron (group I): every H visits all 12 vertex sites",
        };
    }

    /// <summary>
    /// [B10H10]²⁻, D₄d bicapped square antiprism: apex–equatorial B–B 1.73 Å, within a square 1.86 Å, between the squares
    /// 1.81 Å (X-ray, Cu2B10H10: R.D. Dobrott, W.N. Lipscomb, J. Chem. Phys. 37 (1962) 1779), B–H 1.12 Å as for [B12H12]²⁻.
    /// </summary>
    public static ClosoAnion B10H10(double apexAngstrom = 1.73, double squareAngstrom = 1.86, double interAngstrom = 1.81, double bhAngstrom = 1.12)
    {
        // Square radius ρ = d_sq/√2; squares at ±z_r with (2z_r)² = d_inter² − ρ²(2 − 2cos45°); apices at ±z_a, (z_a − z_r)² = d_apex² − ρ².
        double rho = squareAngstrom / Math.Sqrt(2);
        double zr = Math.Sqrt(interAngstrom * interAngstrom - rho * rho * (2 - Math.Sqrt(2))) / 2;
        double dz = apexAngstrom * apexAngstrom - rho * rho;
        if (!(dz > 0) || double.IsNaN(zr)) throw new InvalidInputException("these B–B distances do not form a bicapped square antiprism");
        double za = zr + Math.Sqrt(dz);
        var cage = new List<Vector3D> { new(0, 0, za) };
        for (int k = 0; k < 4; k++) cage.Add(new(rho * Math.Cos(k * Math.PI / 2), rho * Math.Sin(k * Math.PI / 2), zr));
        for (int k = 0; k < 4; k++) cage.Add(new(rho * Math.Cos(Math.PI / 4 + k * Math.PI / 2), rho * Math.Sin(Math.PI / 4 + k * Math.PI / 2), -zr));
        cage.Add(new(0, 0, -za));
        cage = cage.Select(x => Angstrom * x).ToList();
        var z = new Vector3D(0, 0, 1);
        var c2Perpendicular = new Vector3D(Math.Cos(Math.PI / 8), Math.Sin(Math.PI / 8), 0); // swaps the two squares (22.5°)
        return new ClosoAnion(ClosoAnionKind.B10H10, "[B10H10]2-", cage, cage.Select(_ => "B").ToList(),
            cage.Select(b => Outward(b, bhAngstrom * Angstrom)).ToList(),
            $"bicapped square antiprism, B–B apex {apexAngstrom}, square {squareAngstrom}, inter-square {interAngstrom} Å, B–H {bhAngstrom} Å (Dobrott & Lipscomb, J. Chem. Phys. 37 (1962) 1779)")
        {
            Axes = new Dictionary<string, (Vector3D, int)> { ["c4"] = (z, 4), ["c2"] = (c2Perpendicular, 2) },
            MultiaxialGroup = Rotation.Group(Rotation.About(z, Math.PI / 2), Rotation.About(c2Perpendicular, Math.PI)),
            MultiaxialDescription = "the 8 proper rotations of D4d (group D4: C4 about the apical axis and the four perpendicular C2); apical and equatorial H do not exchange",
        };
    }

    /// <summary>
    /// [CB11H12]⁻, C₅ᵥ: icosahedron with B–B 1.77 Å, the C vertex moved along its axis to C–B 1.71 Å; B–H 1.12 Å, C–H
    /// 1.08 Å (typical X-ray values of the carba-closo-dodecaborate anion: S. Körbe, P.J. Schreiber, J. Michl, Chem. Rev. 106
    /// (2006) 5208).
    /// </summary>
    public static ClosoAnion CB11H12(double bbAngstrom = 1.77, double cbAngstrom = 1.71, double bhAngstrom = 1.12, double chAngstrom = 1.08)
    {
        double scale = bbAngstrom / 2;
        var ico = IcosahedronVertices().Select(x => scale * x).ToList();
        var c = ico[0];
        double r = c.Length, cos = 1 / Math.Sqrt(5), sin2 = 1 - cos * cos; // neighbours lie at arccos(1/√5) from a vertex axis
        double rc = r * cos + Math.Sqrt(cbAngstrom * cbAngstrom - r * r * sin2);
        var cage = new List<Vector3D> { rc * c.Unit };
        cage.AddRange(ico.Skip(1));
        var hydrogens = cage.Select((b, i) => Outward(b, (i == 0 ? chAngstrom : bhAngstrom))).Select(x => Angstrom * x).ToList();
        cage = cage.Select(x => Angstrom * x).ToList();
        return new ClosoAnion(ClosoAnionKind.CB11H12, "[CB11H12]-", cage, cage.Select((_, i) => i == 0 ? "C" : "B").ToList(), hydrogens,
            $"icosahedron B–B {bbAngstrom} Å with C–B {cbAngstrom} Å, B–H {bhAngstrom} Å, C–H {chAngstrom} Å (typical values, Körbe, Schreiber & Michl, Chem. Rev. 106 (2006) 5208)")
        {
            Axes = new Dictionary<string, (Vector3D, int)> { ["c5"] = (c.Unit, 5) },
            MultiaxialGroup = IcosahedralGroup(),
            MultiaxialDescription = "quasi-icosahedral tumbling (group I of the B12 frame): C and B sites exchange, as in the disordered phases",
        };
    }
}
