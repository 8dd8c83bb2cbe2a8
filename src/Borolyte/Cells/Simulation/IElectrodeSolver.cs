namespace Borolyte.Cells.Simulation;

/// <summary>
/// The implicit (backward-Euler) step of one electrode for a given ionic current density i (A/m², positive toward the
/// separator, i.e. oxidation: alkali ions leave the electrode). With a single-ion conductor of uniform carrier
/// concentration the two electrodes are coupled only through the current, so each is solved on its own.
/// Every trial starts from the committed state; <see cref="Commit"/> accepts the last trial.
/// </summary>
internal interface IElectrodeSolver
{
    /// <summary>Solves the step; false and a plain-words reason when Newton does not converge.</summary>
    bool TrySolve(double currentDensityAPerM2, double dtS, OcpBranch branch, double temperatureK, double bulkConductivitySPerM, out string? failure);
    /// <summary>E of the last trial, V.</summary>
    double Potential { get; }
    /// <summary>dE/di of the last trial, Ω·m².</summary>
    double PotentialSlope { get; }
    ElectrodeBreakdown Breakdown { get; }
    /// <summary>Bulk-average stoichiometry of the committed state (NaN for planar electrodes).</summary>
    double AverageStoichiometry { get; }
    /// <summary>Largest change of any stoichiometry in the last trial (0 for planar electrodes).</summary>
    double LargestStoichiometryChange { get; }
    void Commit();
    /// <summary>Scales the interfacial area (and so the accessible active material) by the fraction of particles in contact.</summary>
    void SetContactFraction(double fraction);
}
