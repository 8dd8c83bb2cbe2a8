using System.Globalization;
using Borolyte.Formats.BioLogic;

namespace Borolyte.Cycling.Readers;

/// <summary>
/// Turns a BioLogic .mpr or .mpt into cycling columns. EC-Lab's current is positive when it oxidises the working
/// electrode, which is Borolyte's charge direction (the cell voltage Ewe − Ece rises). With both Ewe and Ece present
/// the cell voltage is Ewe − Ece and both potentials are kept (three-electrode cells). "mode" 1 marks constant current,
/// 2 constant voltage, 3 rest; "ox/red" checks the current's sign; "half cycle" and "cycle number" (both counted from 0)
/// give the half cycles and cycles. "Q charge/discharge" (restarts every half cycle; negative while discharging), else
/// "(Q-Qo)" (net charge since the start), gives the capacity counters, "Energy charge"/"Energy discharge" the energies. The active mass and area come from the file only, never a default.
/// </summary>
internal static class BioLogicCyclingReader
{
    /// <summary>
    /// The .mpt columns <see cref="Build"/> uses, of those present: of each set of alternatives only the one it picks
    /// (the first present), so the others are skipped without parsing.
    /// </summary>
    internal static HashSet<string> UsedColumns(IReadOnlyList<string> names)
    {
        var present = names.ToHashSet();
        string? First(params string[] options) => options.FirstOrDefault(present.Contains);
        var used = new HashSet<string>();
        void Add(string? name) { if (name is not null) used.Add(name); }
        Add(First("time/s")); Add(First("I/mA", "<I>/mA")); Add(First("Ewe/V", "<Ewe>/V")); Add(First("Ece/V", "<Ece>/V"));
        Add(First("Ewe-Ece/V")); Add(First("mode")); Add(First("freq/Hz")); Add(First("ox/red"));
        if (First("Q charge/mA.h") is { } qc && First("Q discharge/mA.h") is { } qd) { Add(qc); Add(qd); }
        else Add(First("Q charge/discharge/mA.h") ?? First("(Q-Qo)/mA.h"));
        Add(First("Energy charge/W.h")); Add(First("Energy discharge/W.h"));
        Add(First("cycle number")); Add(First("half cycle")); Add(First("Ns"));
        return used;
    }

    public static CyclingRawData ReadMpr(string path)
    {
        var mpr = MprFile.Read(path);
        var notes = new List<string>(mpr.Warnings.Select(w => "warning: " + w));
        double? mass = null, area = null;
        if (mpr.Settings is { } s)
        {
            if (MprSettings.IsEcLabPlaceholder(s.ActiveMaterialMassMg))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"settings module: active material mass {s.ActiveMaterialMassMg:G4} mg is EC-Lab's unset default; no mass used"));
            else { mass = s.ActiveMaterialMassMg * 1e-6; notes.Add(string.Create(CultureInfo.InvariantCulture, $"active mass {s.ActiveMaterialMassMg:G6} mg from the settings module")); }
            if (MprSettings.IsEcLabPlaceholder(s.ElectrodeAreaCm2))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"settings module: electrode area {s.ElectrodeAreaCm2:G4} cm² is EC-Lab's unset default; no area used"));
            else { area = s.ElectrodeAreaCm2 * 1e-4; notes.Add(string.Create(CultureInfo.InvariantCulture, $"electrode area {s.ElectrodeAreaCm2:G6} cm² from the settings module")); }
        }
        return Build(path, "biologic-mpr", mpr.HasColumn, mpr.Column, mpr.RowCount, notes, mass, area);
    }

    public static CyclingRawData ReadMpt(string path)
    {
        var mpt = MptFile.ReadChoosing(path, names => UsedColumns(names).Contains);
        var notes = new List<string>();
        if (mpt.DecimalComma) notes.Add("decimal commas read as decimal points");
        double? mass = Quantity(mpt.Meta("Mass of active material"), new() { ["mg"] = 1e-6, ["g"] = 1e-3 }, notes, "active mass");
        double? area = Quantity(mpt.Meta("Electrode surface area"), new() { ["cm²"] = 1e-4, ["cm2"] = 1e-4, ["mm²"] = 1e-6 }, notes, "electrode area");
        return Build(path, "biologic-mpt", mpt.HasColumn, mpt.Column, mpt.RowCount, notes, mass, area);
    }

    private static double? Quantity(string? text, Dictionary<string, double> units, List<string> notes, string what)
    {
        if (text is null) return null;
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !units.TryGetValue(parts[1], out double factor))
        {
            notes.Add($"header {what} '{text}' not understood; not used");
            return null;
        }
        if (MprSettings.IsEcLabPlaceholder(value)) { notes.Add($"header {what} '{text}' is EC-Lab's unset default; not used"); return null; }
        notes.Add($"{what} {text} from the header");
        return value * factor;
    }

    private static CyclingRawData Build(string path, string format, Func<string, bool> has, Func<string, double[]> column, int rows, List<string> notes, double? mass, double? area)
    {
        var columns = new Columns(path, has, new BlockReaderFacts());
        var raw = columns.Block(format, column, rows);
        var end = columns.Finish(notes);
        if (end.CycleShift != 0 && raw.InstrumentCycle is { } cycles)
            for (int i = 0; i < cycles.Length; i++) cycles[i] += end.CycleShift;
        return new CyclingRawData
        {
            SourcePath = path, Format = format, TestTimeSecond = raw.TestTimeSecond, VoltageVolt = raw.VoltageVolt, CurrentAmpere = raw.CurrentAmpere,
            InstrumentCycle = raw.InstrumentCycle, InstrumentHalfCycle = raw.InstrumentHalfCycle, InstrumentStep = raw.InstrumentStep, InstrumentKind = raw.InstrumentKind,
            ChargingCapacityAmpereHour = raw.ChargingCapacityAmpereHour, DischargingCapacityAmpereHour = raw.DischargingCapacityAmpereHour,
            ChargingEnergyWattHour = raw.ChargingEnergyWattHour, DischargingEnergyWattHour = raw.DischargingEnergyWattHour,
            EweVolt = raw.EweVolt, EceVolt = raw.EceVolt, ActiveMassKg = mass, AreaM2 = area, Notes = end.Notes,
        };
    }

    /// <summary>
    /// The file's columns turned into cycling columns, for the whole file at once (<see cref="Build"/>) or block after block
    /// in file order (<see cref="OpenMptBlocks"/>): what depends on earlier rows ((Q-Qo) differences) or on the whole file
    /// (the counts in the notes, cycles counted from 0, whether Ece is ever non-zero) is carried from block to block and
    /// settled in <see cref="Finish"/>, so one block and many give the same columns and notes.
    /// </summary>
    private sealed class Columns
    {
        private readonly string _path;
        private readonly string _time, _current;
        private readonly string? _ewe, _ece, _cell, _mode, _freq, _oxRed, _qCharge, _qDischarge, _qBoth, _qNet, _energyCharge, _energyDischarge, _cycle, _half, _ns;
        private bool? _threeElectrode;
        private bool _eceNonZero, _guessesHeld = true;
        private long _rows, _impedancePoints, _currentPoints, _disagree;
        private double _lastNet, _lastCharge, _lastDischarge;
        private int _minCycle = int.MaxValue;

        public Columns(string path, Func<string, bool> has, BlockReaderFacts facts)
        {
            _path = path;
            string? First(params string[] names) => names.FirstOrDefault(has);
            _time = First("time/s") ?? throw new InvalidInputException($"{path}: no 'time/s' column");
            _current = First("I/mA", "<I>/mA") ?? throw new InvalidInputException($"{path}: no current column ('I/mA' or '<I>/mA'); this is not galvanostatic cycling data");
            _ewe = First("Ewe/V", "<Ewe>/V");
            _ece = First("Ece/V", "<Ece>/V");
            _cell = First("Ewe-Ece/V");
            if (_ewe is null && _cell is null) throw new InvalidInputException($"{path}: no voltage column ('Ewe/V', '<Ewe>/V' or 'Ewe-Ece/V')");
            _threeElectrode = facts.EceNonZero;
            _mode = First("mode"); _freq = First("freq/Hz"); _oxRed = First("ox/red");
            if (First("Q charge/mA.h") is { } qc && First("Q discharge/mA.h") is { } qd) { _qCharge = qc; _qDischarge = qd; }
            else if (First("Q charge/discharge/mA.h") is { } q) _qBoth = q;
            else _qNet = First("(Q-Qo)/mA.h");
            _energyCharge = First("Energy charge/W.h"); _energyDischarge = First("Energy discharge/W.h");
            _cycle = First("cycle number"); _half = First("half cycle"); _ns = First("Ns");
        }

        /// <summary>The next <paramref name="rows"/> rows (the file's columns, <paramref name="column"/>, are this block's and are rewritten in place).</summary>
        public CyclingRawData Block(string format, Func<string, double[]> column, int rows)
        {
            long first = _rows;
            double[] voltage;
            double[]? eweValues = _ewe is null ? null : column(_ewe), eceValues = _ece is null ? null : column(_ece);
            bool anyEce = eceValues is not null && eceValues.Any(x => x != 0);
            _eceNonZero |= anyEce;
            if (_cell is null && eceValues is not null)
            {
                if (_threeElectrode is null) _threeElectrode = anyEce;   // the first block decides; a later one may show the guess wrong
                else if (anyEce && _threeElectrode == false) _guessesHeld = false;
            }
            if (_cell is not null) voltage = column(_cell);
            else if (eceValues is not null && _threeElectrode == true)
            {
                voltage = new double[rows];
                for (int i = 0; i < rows; i++) voltage[i] = eweValues![i] - eceValues[i];
            }
            else { voltage = eweValues!; eweValues = null; eceValues = null; }
            // The file's arrays belong to this read: scaled in place rather than copied (a copy is fresh memory to fault in).
            var amps = column(_current);
            for (int i = 0; i < amps.Length; i++) amps[i] *= 1e-3;
            // EC-Lab's mode: 1 constant current (galvanostatic), 2 constant voltage, 3 rest (galvani, yadg flag tables).
            sbyte[]? kind = null;
            if (_mode is not null)
            {
                var mode = column(_mode);
                kind = new sbyte[rows];
                for (int i = 0; i < rows; i++)
                    kind[i] = (sbyte)(mode[i] switch
                    {
                        1 when amps[i] > 0 => (int)StepKind.ConstantCurrentCharge,
                        1 when amps[i] < 0 => (int)StepKind.ConstantCurrentDischarge,
                        2 => (int)StepKind.ConstantVoltage,
                        3 => (int)StepKind.Rest,
                        _ => -1,
                    });
            }
            if (_freq is not null)
            {
                var freq = column(_freq);
                kind ??= Enumerable.Repeat((sbyte)-1, rows).ToArray();
                for (int i = 0; i < rows; i++) if (freq[i] > 0) { kind[i] = (sbyte)StepKind.Rest; _impedancePoints++; }
            }
            if (_oxRed is not null)
            {
                // ox/red is 1 while the working electrode is oxidised (I > 0): a check of the current sign, not a second source
                // (rests and impedance points, whose current alternates, are not checked).
                var oxred = column(_oxRed);
                for (int i = 0; i < rows; i++)
                {
                    if (amps[i] == 0 || (kind is not null && kind[i] == (int)StepKind.Rest)) continue;
                    _currentPoints++;
                    if ((oxred[i] == 1) != (amps[i] > 0)) _disagree++;
                }
            }
            double[]? chg = null, dchg = null;
            if (_qCharge is not null)
            {
                chg = column(_qCharge);
                dchg = column(_qDischarge!);
                for (int i = 0; i < chg.Length; i++) chg[i] *= 1e-3;
                for (int i = 0; i < dchg.Length; i++) dchg[i] *= 1e-3;
            }
            else if (_qBoth is not null)
            {
                chg = column(_qBoth);
                dchg = new double[chg.Length];
                for (int i = 0; i < chg.Length; i++)
                {
                    dchg[i] = Math.Max(-chg[i], 0) * 1e-3;
                    chg[i] = Math.Max(chg[i], 0) * 1e-3;
                }
            }
            else if (_qNet is not null)
            {
                // (Q-Qo) is the net charge passed since the start: its rises are charge, its falls discharge (cumulative counters).
                var values = column(_qNet);
                chg = new double[rows];
                dchg = new double[rows];
                for (int i = 0; i < rows; i++)
                {
                    if (first + i == 0) continue;   // the file's first row: zero
                    double step = (values[i] - (i > 0 ? values[i - 1] : _lastNet)) * 1e-3;
                    chg[i] = (i > 0 ? chg[i - 1] : _lastCharge) + Math.Max(step, 0);
                    dchg[i] = (i > 0 ? dchg[i - 1] : _lastDischarge) + Math.Max(-step, 0);
                }
                if (rows > 0) { _lastNet = values[rows - 1]; _lastCharge = chg[rows - 1]; _lastDischarge = dchg[rows - 1]; }
            }
            double[]? chgE = _energyCharge is not null ? column(_energyCharge) : null;
            double[]? dchgE = _energyDischarge is not null ? column(_energyDischarge) : null;
            int[]? cycles = _cycle is not null ? Integers(_path, _cycle, column(_cycle), first) : null;
            if (cycles is not null) foreach (int c in cycles) _minCycle = Math.Min(_minCycle, c);
            int[]? halves = null;
            if (_half is not null)
            {
                // EC-Lab counts half cycles from 0, the first one including any rest before it; Borolyte's are 1-based.
                halves = Integers(_path, _half, column(_half), first);
                for (int i = 0; i < halves.Length; i++) halves[i]++;
            }
            int[]? steps = _ns is not null ? Integers(_path, _ns, column(_ns), first) : null;
            _rows += rows;
            return new CyclingRawData
            {
                SourcePath = _path, Format = format, TestTimeSecond = column(_time), VoltageVolt = voltage, CurrentAmpere = amps,
                InstrumentCycle = cycles, InstrumentHalfCycle = halves, InstrumentStep = steps, InstrumentKind = kind,
                ChargingCapacityAmpereHour = chg, DischargingCapacityAmpereHour = dchg,
                ChargingEnergyWattHour = chgE, DischargingEnergyWattHour = dchgE,
                EweVolt = eweValues, EceVolt = eceValues,
            };
        }

        /// <summary>The notes after the reader's own (<paramref name="readerNotes"/>), in the whole-file order; the cycle shift; the facts seen.</summary>
        public BlockReadEnd Finish(List<string> readerNotes, double? mass = null, double? area = null)
        {
            var notes = new List<string>(readerNotes);
            notes.Insert(0, $"BioLogic: current from '{_current}' (mA → A), positive = oxidation of the working electrode = charge");
            if (_cell is null && _ece is not null && _threeElectrode == true) notes.Add($"three-electrode data: cell voltage = {_ewe} − {_ece}; both electrode potentials kept");
            if (_mode is not null) notes.Add("step kinds from the file's mode column (1 constant current, 2 constant voltage, 3 rest)");
            if (_freq is not null && _impedancePoints > 0) notes.Add($"{_impedancePoints} points of impedance measurements (freq/Hz > 0): alternating current, no net charge; treated as rest");
            if (_oxRed is not null)
                notes.Add(_disagree == 0
                    ? $"ox/red agrees with the sign of '{_current}' at all {_currentPoints} current points"
                    : $"warning: ox/red disagrees with the sign of '{_current}' at {_disagree} of {_currentPoints} current points (the current is taken as written)");
            if (_qNet is not null) notes.Add($"capacities from '{_qNet}' (net charge since the start): its rises count as charge, its falls as discharge");
            int shift = 0;
            if (_cycle is not null && _rows > 0 && _minCycle == 0)
            {
                shift = 1;
                notes.Add("cycle number counted from 0 (EC-Lab): renumbered from 1");
            }
            return new BlockReadEnd(notes, mass, area, shift, new BlockReaderFacts(_ece is null || _cell is not null ? null : _eceNonZero), _guessesHeld);
        }
    }

    /// <summary>
    /// An .mpt block by block (<see cref="CyclingBlockReader"/>): the columns of <see cref="ReadMpt"/> (the same columns
    /// kept, the same conversion), the active mass and area from the header, cycles renumbered at the end when the file
    /// counts them from 0 (<see cref="BlockReadEnd.CycleShift"/>).
    /// </summary>
    public static CyclingBlockReader OpenMptBlocks(string path, BlockReaderFacts facts, long blockBytes) => new MptBlocks(path, facts, blockBytes);

    private sealed class MptBlocks(string path, BlockReaderFacts facts, long blockBytes) : CyclingBlockReader(path, "biologic-mpt", blockBytes)
    {
        private Columns? _columns;
        private readonly List<string> _notes = [];
        private double? _mass, _area;

        public override IEnumerable<CyclingRawData> Read()
        {
            var file = MptFile.Open(Path);
            var names = file.ColumnNames;
            var used = UsedColumns(names);
            var present = names.ToHashSet();
            if (file.DecimalComma) _notes.Add("decimal commas read as decimal points");
            _mass = Quantity(file.Meta("Mass of active material"), new() { ["mg"] = 1e-6, ["g"] = 1e-3 }, _notes, "active mass");
            _area = Quantity(file.Meta("Electrode surface area"), new() { ["cm²"] = 1e-4, ["cm2"] = 1e-4, ["mm²"] = 1e-6 }, _notes, "electrode area");
            var columns = _columns = new Columns(Path, present.Contains, facts);
            var blocks = LineChunks.Blocks(Path, file.DataStart, BlockBytes);
            foreach (var (values, rows) in InOrder(blocks, k => (MptFile.ReadBlock(file, blocks[k], used.Contains, out int rows), rows), Ahead))
                yield return columns.Block(Format, name => values[Array.IndexOf(names, name)], rows);
        }

        public override BlockReadEnd Finish() => _columns!.Finish(_notes, _mass, _area);
    }

    private static int[] Integers(string path, string name, double[] values, long rowsBefore)
    {
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != Math.Floor(values[i]) || Math.Abs(values[i]) > int.MaxValue)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: data row {rowsBefore + i + 1}, column '{name}': {values[i]} is not an integer"));
            result[i] = (int)values[i];
        }
        return result;
    }
}
