using Borolyte.Cells.Simulation;

namespace Borolyte.Tests.Cells.Simulation;

/// <summary>The measured tables of `cell calibrate` (--rates and --cycles): good files and each bad input with its one-line message.</summary>
public class CalibrationCsvTests
{
    [Fact]
    public void Rate_and_cycle_tables_read_with_comments_blank_lines_and_crlf()
    {
        var rates = CellCalibration.ReadRates("# seed 004 Fig. 3d\r\nc_rate,capacity_mah_per_g\r\n0.1, 118\r\n\r\n5,67.8\r\n", "r.csv");
        Assert.Equal([(0.1, 118.0), (5.0, 67.8)], rates.Select(r => (r.CRate, r.CapacityMAhPerG)));
        var cycles = CycleCalibration.ReadCycles("CYCLE,Discharge_Capacity_mAh_per_g\n1,110\n50,104.5\n", "c.csv");
        Assert.Equal([(1, 110.0), (50, 104.5)], cycles.Select(c => (c.Cycle, c.DischargeCapacityMAhPerG)));
    }

    [Theory]
    [InlineData("c_rate;capacity_mah_per_g\n0.1;118\n", "r.csv:1: header must be 'c_rate,capacity_mah_per_g'")]
    [InlineData("c_rate,capacity_mah_per_g\n0.1\n", "r.csv:2: expected 2 columns, got 1")]
    [InlineData("c_rate,capacity_mah_per_g\n0.1,-5\n", "r.csv:2: capacity_mah_per_g '-5' must be a positive number")]
    [InlineData("c_rate,capacity_mah_per_g\nfast,118\n", "r.csv:2: c_rate 'fast' must be a positive number")]
    [InlineData("c_rate,capacity_mah_per_g\n# nothing measured\n", "r.csv: no data rows")]
    public void Bad_rate_tables_name_file_and_line(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<InvalidInputException>(() => CellCalibration.ReadRates(text, "r.csv")).Message);

    [Theory]
    [InlineData("cycle,discharge_capacity_mah_per_g\n2,100\n2,99\n", "c.csv:3: cycle 2 does not follow cycle 2")]
    [InlineData("cycle,discharge_capacity_mah_per_g\n1.5,100\n", "c.csv:2: cycle '1.5' must be a whole number")]
    [InlineData("cycle,discharge_capacity_mah_per_g\n1,NaN\n", "c.csv:2: discharge_capacity_mah_per_g 'NaN' must be a positive number")]
    [InlineData("", "c.csv: no data rows")]
    public void Bad_cycle_tables_name_file_and_line(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<InvalidInputException>(() => CycleCalibration.ReadCycles(text, "c.csv")).Message);
}
