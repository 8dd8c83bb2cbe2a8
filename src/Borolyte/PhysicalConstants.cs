namespace Borolyte;

/// <summary>Physical constants in SI. The defining constants are exact (SI brochure, 9th ed., 2019, Table 1).</summary>
public static class PhysicalConstants
{
    /// <summary>Elementary charge e in C (exact, SI 2019).</summary>
    public const double ElementaryChargeC = 1.602176634e-19;

    /// <summary>Boltzmann constant k in J/K (exact, SI 2019).</summary>
    public const double BoltzmannJPerK = 1.380649e-23;

    /// <summary>Avogadro constant N_A in 1/mol (exact, SI 2019).</summary>
    public const double AvogadroPerMol = 6.02214076e23;

    /// <summary>Faraday constant F = e·N_A in C/mol (exact product of SI 2019 defining constants).</summary>
    public const double FaradayCPerMol = ElementaryChargeC * AvogadroPerMol;

    /// <summary>Molar gas constant R = k·N_A in J/(mol·K) (exact product of SI 2019 defining constants).</summary>
    public const double GasConstantJPerMolK = BoltzmannJPerK * AvogadroPerMol;

    /// <summary>Boltzmann constant in eV/K: k/e.</summary>
    public const double BoltzmannEvPerK = BoltzmannJPerK / ElementaryChargeC;

    /// <summary>0 °C in K (SI brochure, 9th ed., §2.3.1).</summary>
    public const double ZeroCelsiusK = 273.15;
}
