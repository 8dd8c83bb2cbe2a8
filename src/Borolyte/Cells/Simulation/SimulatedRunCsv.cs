using System.Globalization;
using System.Text;
using Borolyte.Storage;

namespace Borolyte.Cells.Simulation;

/// <summary>
/// Writes a simulated run as CSV with Battery Data Format column names (test_time_second, voltage_volt, current_ampere,
/// cycle_count, step_count; ewe_volt/ece_volt for the positive/negative electrode vs the reference, as Borolyte's
/// three-electrode BDF files), then Borolyte's simulation columns (stoichiometries, overpotential breakdown). The file is
/// readable by `borolyte cycling summarize`. Written whole or not at all.
/// </summary>
public static class SimulatedRunCsv
{
    public static readonly string[] Columns =
    [
        "test_time_second", "voltage_volt", "current_ampere", "cycle_count", "step_count", "ewe_volt", "ece_volt",
        "positive_stoichiometry", "negative_stoichiometry", "state_of_charge",
        "positive_ocp_volt", "positive_concentration_overpotential_volt", "positive_kinetic_overpotential_volt",
        "positive_interface_overpotential_volt", "positive_ohmic_overpotential_volt",
        "negative_ocp_volt", "negative_concentration_overpotential_volt", "negative_kinetic_overpotential_volt",
        "negative_interface_overpotential_volt", "negative_ohmic_overpotential_volt", "separator_ohmic_volt",
        "positive_contact_fraction", "positive_parasitic_charge_coulomb", "negative_parasitic_charge_coulomb",
    ];

    public static void Write(SimulationResult result, string path) =>
        AtomicFile.Write(path, temp =>
        {
            using var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16);
            Write(result, writer);
        });

    public static void Write(SimulationResult result, TextWriter writer)
    {
        var s = result.Series;
        var run = s.ToCyclingRun(result.Cell.Name, result.Cell.ActiveLoadingKgPerM2 * result.Cell.AreaM2, result.Cell.AreaM2);
        double netCharge = 0, nominal = result.Cell.NominalArealCapacityCPerM2 * result.Cell.AreaM2;
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        var c = CultureInfo.InvariantCulture;
        for (int i = 0; i < s.Count; i++)
        {
            var p = s.PositiveBreakdown[i]; var n = s.NegativeBreakdown[i];
            // State of charge: net charge passed since assembly (backward Euler: I_i over (t_{i−1}, t_i]) over the nominal capacity.
            if (i > 0) netCharge += s.CurrentA[i] * (s.TimeS[i] - s.TimeS[i - 1]);
            double soc = netCharge / nominal;
            double[] values =
            [
                s.TimeS[i], s.VoltageV[i], s.CurrentA[i], run.CycleCount[i], s.StepCount[i], s.PositivePotentialV[i], s.NegativePotentialV[i],
                s.PositiveStoichiometry[i], s.NegativeStoichiometry[i], soc,
                p.OcpV, p.ConcentrationV, p.KineticV, p.InterfaceV, p.OhmicV, n.OcpV, n.ConcentrationV, n.KineticV, n.InterfaceV, n.OhmicV,
                s.SeparatorOhmicV[i], s.ContactFraction[i], s.PositiveParasiticChargeC[i], s.NegativeParasiticChargeC[i],
            ];
            for (int k = 0; k < values.Length; k++)
            {
                if (k > 0) writer.Write(',');
                writer.Write(k is 3 or 4 ? ((long)values[k]).ToString(c) : double.IsNaN(values[k]) ? "" : values[k].ToString("R", c));
            }
            writer.Write('\n');
        }
    }

}
