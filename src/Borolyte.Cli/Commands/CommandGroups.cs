using System.CommandLine;

namespace Borolyte.Cli.Commands;

/// <summary>The top-level command groups, one file each (`borolyte &lt;area&gt; &lt;verb&gt;`).</summary>
public static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return ChemCommands.Build();
        yield return RecipeCommands.Build();
        yield return MaterialsCommands.Build();
        yield return ThermoCommands.Build();
        yield return MechanicsCommands.Build();
        yield return CellCommands.Build();
        yield return DemoCommand.Build();
        yield return CyclingCommands.Build();
        yield return EisCommands.Build();
        yield return ConductivityCommands.Build();
        yield return TransportCommands.Build();
        yield return NmrCommands.Build();
        yield return QensCommands.Build();
    }
}
