namespace Borolyte.Chemistry;

/// <summary>
/// Wade's structural classes by skeletal electron pairs p for n cluster vertices (review seed 000, section 1;
/// Wade, Adv. Inorg. Chem. Radiochem. 18 (1976) 1): closo p = n+1, nido n+2, arachno n+3, hypho n+4.
/// </summary>
public enum ClusterClass
{
    Closo = 1,
    Nido = 2,
    Arachno = 3,
    Hypho = 4,
}
