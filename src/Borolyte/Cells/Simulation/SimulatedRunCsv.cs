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
        var rows = new SimulatedRunCsvWriter(writer, result.Cell.NominalArealCapacityCPerM2 * result.Cell.AreaM2);
        for (int i = 0; i < s.Count; i++) rows.Write(s[i], run.CycleCount[i]);
    }
}

/// <summary>
/// Writes the rows of <see cref="SimulatedRunCsv"/> one point at a time (the header first), so that a run can be streamed
/// to disk while it is computed. The state of charge is accumulated here.
/// </summary>
public sealed class SimulatedRunCsvWriter
{
    private readonly TextWriter writer;
    private readonly double nominalCapacityC;
    private readonly double[] values = new double[SimulatedRunCsv.Columns.Length];
    private bool first = true;
    private double netCharge, previousTime;

    public SimulatedRunCsvWriter(TextWriter writer, double nominalCapacityC)
    {
        this.writer = writer;
        this.nominalCapacityC = nominalCapacityC;
        writer.Write(string.Join(',', SimulatedRunCsv.Columns));
        writer.Write('\n');
    }

    public void Write(in SimulatedPoint p, int cycle)
    {
        // State of charge: net charge passed since assembly (backward Euler: I_i over (t_{i−1}, t_i]) over the nominal capacity.
        if (!first) netCharge += p.CurrentA * (p.TimeS - previousTime);
        first = false;
        previousTime = p.TimeS;
        var pb = p.PositiveBreakdown; var nb = p.NegativeBreakdown;
        var v = values;
        v[0] = p.TimeS; v[1] = p.VoltageV; v[2] = p.CurrentA; v[3] = cycle; v[4] = p.Step; v[5] = p.PositivePotentialV; v[6] = p.NegativePotentialV;
        v[7] = p.PositiveStoichiometry; v[8] = p.NegativeStoichiometry; v[9] = netCharge / nominalCapacityC;
        v[10] = pb.OcpV; v[11] = pb.ConcentrationV; v[12] = pb.KineticV; v[13] = pb.InterfaceV; v[14] = pb.OhmicV;
        v[15] = nb.OcpV; v[16] = nb.ConcentrationV; v[17] = nb.KineticV; v[18] = nb.InterfaceV; v[19] = nb.OhmicV;
        v[20] = p.SeparatorOhmicV; v[21] = p.ContactFraction; v[22] = p.PositiveParasiticChargeC; v[23] = p.NegativeParasiticChargeC;
        var c = CultureInfo.InvariantCulture;
        Span<char> buffer = stackalloc char[32];
        for (int k = 0; k < v.Length; k++)
        {
            if (k > 0) writer.Write(',');
            if (k is 3 or 4) { ((long)v[k]).TryFormat(buffer, out int n, default, c); writer.Write(buffer[..n]); }
            else if (!double.IsNaN(v[k])) { v[k].TryFormat(buffer, out int n, "R", c); writer.Write(buffer[..n]); }
        }
        writer.Write('\n');
    }
}
