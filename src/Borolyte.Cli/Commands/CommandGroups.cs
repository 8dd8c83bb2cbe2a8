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
        yield return CellCommands.Build();
        yield return DemoCommand.Build();
    }
}
