namespace Borolyte.Cells.Design;

/// <summary>
/// Residual porosity of an infiltrated electrode after pressing, "estimated ... based on the measured thickness and
/// the weight of the pressed electrodes" (seed 004 §2, 30–38 % after 350 MPa): the solids keep their volumes,
/// ε = 1 − (m_composite/ρ_solid + m_SE/ρ_SE) / t_pressed.
/// </summary>
public static class PressedElectrode
{
    /// <summary>Dense volume per area of composite and electrolyte, m/ρ summed (m).</summary>
    public static double SolidThicknessM(double compositeMassKgPerM2, double compositeSolidDensityKgPerM3,
        double electrolyteMassKgPerM2, double electrolyteDensityKgPerM3)
    {
        if (!(compositeMassKgPerM2 > 0) || !(compositeSolidDensityKgPerM3 > 0) || !(electrolyteDensityKgPerM3 > 0) || electrolyteMassKgPerM2 < 0)
            throw new InvalidInputException("pressed electrode: masses must be ≥ 0 and densities > 0");
        // V/A = Σ m_i/ρ_i
        return compositeMassKgPerM2 / compositeSolidDensityKgPerM3 + electrolyteMassKgPerM2 / electrolyteDensityKgPerM3;
    }

    /// <summary>ε = 1 − Σ(m_i/ρ_i)/t_pressed.</summary>
    public static double ResidualPorosity(double solidThicknessM, double pressedThicknessM)
    {
        if (!double.IsFinite(pressedThicknessM) || !(pressedThicknessM > 0))
            throw new InvalidInputException($"pressed thickness must be greater than zero, got {pressedThicknessM}");
        if (pressedThicknessM < solidThicknessM)
            throw new InvalidInputException(
                $"pressed thickness {pressedThicknessM * 1e6:0.###} µm is smaller than the dense volume of its solids {solidThicknessM * 1e6:0.###} µm: check the masses, densities or thickness");
        return Electrode.PorosityForThickness(solidThicknessM, pressedThicknessM);
    }

    /// <summary>t_pressed = Σ(m_i/ρ_i)/(1 − ε).</summary>
    public static double ThicknessForResidualPorosity(double solidThicknessM, double residualPorosity)
    {
        if (!double.IsFinite(residualPorosity) || residualPorosity < 0 || residualPorosity >= 1)
            throw new InvalidInputException($"residual porosity must be in [0, 1), got {residualPorosity}");
        return Electrode.ThicknessForPorosity(solidThicknessM, residualPorosity);
    }
}
