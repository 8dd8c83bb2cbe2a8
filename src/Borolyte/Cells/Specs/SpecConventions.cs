namespace Borolyte.Cells.Specs;

/// <summary>
/// How one kind of YAML spec words its errors and reads blank values: the design spec (<c>cell design</c>) and the
/// simulation spec (<c>cell simulate</c>) read their fields through the same <see cref="SpecSection"/> but have always
/// differed in these respects, and their messages are part of what users see. Each reader owns one instance.
/// </summary>
/// <param name="Exception">the exception a spec error is raised as (its message is the whole one-line error)</param>
/// <param name="RequiredWithoutReason">what follows "field is required" when no reason is given (e.g. " but missing")</param>
/// <param name="KnownFields">what follows "unknown field 'x'", given the comma-separated fields the section allows</param>
/// <param name="BlankIsAbsent">an empty value, <c>~</c> or <c>null</c> counts as not given (else it is an error, or the text "~")</param>
/// <param name="NotAValue">the error for a field whose value is not a usable single value (a list or mapping; a blank one when blanks are not absent)</param>
/// <param name="OnOffAreBooleans">on/off are accepted as true/false besides true/yes and false/no</param>
/// <param name="RangeWording">how a range is introduced in "must be … [0, 1), got x" (e.g. "in" or "a fraction in")</param>
/// <param name="WholeNumbersAreIntegerLiterals">a whole number must be written as an integer (2, not 2.0 or 2e0); else any number with a whole value</param>
internal sealed record SpecConventions(
    Func<string, InvalidInputException> Exception,
    string RequiredWithoutReason,
    Func<string, string> KnownFields,
    bool BlankIsAbsent,
    string NotAValue,
    bool OnOffAreBooleans,
    string RangeWording,
    bool WholeNumbersAreIntegerLiterals);
