namespace Borolyte.Cells.Design;

/// <summary>
/// Specific energy and energy density of a <see cref="CellDesign"/> at the three levels of seed 004 §2 and beyond:
/// cathode active material ("282 W h kg_NCO based on the cathode active materials weight only"), electrodes ("222 W h
/// kg-1 considering the total anode and cathode weights (including carbon and binder but excluding electrolyte and
/// current collectors)") and stack (both electrodes with their electrolyte, the separator pellet and the current
/// collectors). All per unit electrode area, so the cell's footprint cancels.
/// </summary>
public sealed record CellEnergy
{
    /// <summary>Discharge energy per electrode area, E_A = q·m_A,cathode·V̄ (J/m²).</summary>
    public required double ArealEnergyJPerM2 { get; init; }
    public required double CathodeActiveMassKgPerM2 { get; init; }
    public required double ElectrodesMassKgPerM2 { get; init; }
    public required double StackMassKgPerM2 { get; init; }
    public required double StackThicknessM { get; init; }
    public required double CathodeElectrolyteMassKgPerM2 { get; init; }
    public required double AnodeElectrolyteMassKgPerM2 { get; init; }
    public required double SeparatorMassKgPerM2 { get; init; }
    public required double CurrentCollectorMassKgPerM2 { get; init; }

    public static CellEnergy Of(CellDesign d)
    {
        if (!double.IsFinite(d.AverageDischargeVoltageV) || !(d.AverageDischargeVoltageV > 0))
            throw new InvalidInputException($"average discharge voltage must be greater than zero, got {d.AverageDischargeVoltageV}");
        if (!double.IsFinite(d.DischargeCapacityCPerKgCathodeActive) || !(d.DischargeCapacityCPerKgCathodeActive > 0))
            throw new InvalidInputException($"discharge capacity must be greater than zero, got {d.DischargeCapacityCPerKgCathodeActive}");
        double mActive = d.Cathode.Electrode.ActiveLoadingKgPerM2;
        // E_A = q · m_A · V̄  (charge per area × average voltage)
        double arealEnergy = d.DischargeCapacityCPerKgCathodeActive * mActive * d.AverageDischargeVoltageV;
        double electrodes = d.Cathode.Electrode.CompositeLoadingKgPerM2 + d.Anode.Electrode.CompositeLoadingKgPerM2;
        double cc = d.CurrentCollectors.Sum(c => c.MassKgPerM2);
        double stack = d.Cathode.StackMassKgPerM2 + d.Anode.StackMassKgPerM2 + d.Separator.MassKgPerM2 + cc;
        double thickness = d.Cathode.StackThicknessM + d.Anode.StackThicknessM + d.Separator.ThicknessM + d.CurrentCollectors.Sum(c => c.ThicknessM);
        return new CellEnergy
        {
            ArealEnergyJPerM2 = arealEnergy,
            CathodeActiveMassKgPerM2 = mActive,
            ElectrodesMassKgPerM2 = electrodes,
            StackMassKgPerM2 = stack,
            StackThicknessM = thickness,
            CathodeElectrolyteMassKgPerM2 = d.Cathode.ElectrolyteMassKgPerM2,
            AnodeElectrolyteMassKgPerM2 = d.Anode.ElectrolyteMassKgPerM2,
            SeparatorMassKgPerM2 = d.Separator.MassKgPerM2,
            CurrentCollectorMassKgPerM2 = cc,
        };
    }

    /// <summary>E_A / m_A,cathode = q·V̄ (J/kg); mAh/g × V = Wh/kg.</summary>
    public double SpecificEnergyJPerKgCathodeActive => ArealEnergyJPerM2 / CathodeActiveMassKgPerM2;
    /// <summary>E_A / (cathode + anode composite masses, no electrolyte, no current collectors) (J/kg), seed 004's 222 Wh/kg basis.</summary>
    public double SpecificEnergyJPerKgElectrodes => ArealEnergyJPerM2 / ElectrodesMassKgPerM2;
    /// <summary>E_A / (electrodes with their electrolyte + separator + current collectors) (J/kg).</summary>
    public double SpecificEnergyJPerKgStack => ArealEnergyJPerM2 / StackMassKgPerM2;
    /// <summary>E_A / stack thickness (J/m³).</summary>
    public double EnergyDensityJPerM3Stack => ArealEnergyJPerM2 / StackThicknessM;

    public double SpecificEnergyWhPerKgCathodeActive => SpecificEnergyJPerKgCathodeActive / CellUnits.JPerKgPerWhPerKg;
    public double SpecificEnergyWhPerKgElectrodes => SpecificEnergyJPerKgElectrodes / CellUnits.JPerKgPerWhPerKg;
    public double SpecificEnergyWhPerKgStack => SpecificEnergyJPerKgStack / CellUnits.JPerKgPerWhPerKg;
    public double EnergyDensityWhPerLStack => EnergyDensityJPerM3Stack / CellUnits.JPerM3PerWhPerL;
}
