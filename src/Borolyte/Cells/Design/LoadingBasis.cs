namespace Borolyte.Cells.Design;

/// <summary>What a stated mass loading (mg/cm²) counts: the active material only, or the whole dry composite.</summary>
public enum LoadingBasis
{
    /// <summary>Active material only (the usual basis of mAh/g and of seed 004's loadings).</summary>
    ActiveMaterial,
    /// <summary>Active material + binder + carbon (no infiltrated electrolyte).</summary>
    Composite,
}
