using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Borolyte.Mechanics;

/// <summary>A 6×6 elastic stiffness matrix C_ij in Voigt notation (GPa), checked to be finite and symmetric.</summary>
public sealed class ElasticTensor
{
    private readonly double[,] _c;

    public ElasticTensor(double[,] cijGpa)
    {
        if (cijGpa.GetLength(0) != 6 || cijGpa.GetLength(1) != 6)
            throw new InvalidInputException($"elastic tensor: expected a 6×6 matrix, got {cijGpa.GetLength(0)}×{cijGpa.GetLength(1)}");
        double max = 0;
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++)
            {
                if (!double.IsFinite(cijGpa[i, j]))
                    throw new InvalidInputException($"elastic tensor: C{i + 1}{j + 1} must be a finite number, got {cijGpa[i, j].ToString(CultureInfo.InvariantCulture)}");
                max = Math.Max(max, Math.Abs(cijGpa[i, j]));
            }
        for (int i = 0; i < 6; i++)
            for (int j = i + 1; j < 6; j++)
                if (Math.Abs(cijGpa[i, j] - cijGpa[j, i]) > 1e-6 * Math.Max(max, 1))
                    throw new InvalidInputException($"elastic tensor: not symmetric, C{i + 1}{j + 1} = {cijGpa[i, j].ToString(CultureInfo.InvariantCulture)} but C{j + 1}{i + 1} = {cijGpa[j, i].ToString(CultureInfo.InvariantCulture)}");
        _c = (double[,])cijGpa.Clone();
    }

    /// <summary>C_ij (1-based indices as in the literature: C11 = this[1, 1]).</summary>
    public double this[int i, int j] => _c[i - 1, j - 1];

    /// <summary>From 36 numbers, row-major (c11 c12 … c16 c21 … c66).</summary>
    public static ElasticTensor FromRowMajor(IReadOnlyList<double> values)
    {
        if (values.Count != 36)
            throw new InvalidInputException($"elastic tensor: expected 36 numbers (6×6, row-major, GPa), got {values.Count}");
        var c = new double[6, 6];
        for (int k = 0; k < 36; k++) c[k / 6, k % 6] = values[k];
        return new ElasticTensor(c);
    }

    /// <summary>Parse 36 numbers separated by spaces, commas or semicolons (row-major, GPa).</summary>
    public static ElasticTensor Parse(string text)
    {
        var parts = text.Split([' ', ',', ';', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int k = 0; k < parts.Length; k++)
            if (!double.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]))
                throw new InvalidInputException($"elastic tensor: number {k + 1} (C{k / 6 + 1}{k % 6 + 1}) is not a number: \"{parts[k]}\"");
        return FromRowMajor(values);
    }

    /// <summary>Cubic crystal from C11, C12, C44.</summary>
    public static ElasticTensor Cubic(double c11, double c12, double c44)
    {
        var c = new double[6, 6];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) c[i, j] = i == j ? c11 : c12;
            c[i + 3, i + 3] = c44;
        }
        return new ElasticTensor(c);
    }

    /// <summary>Isotropic solid from bulk modulus B and shear modulus G: C11 = B + 4G/3, C12 = B − 2G/3, C44 = G.</summary>
    public static ElasticTensor Isotropic(double bulkModulusGpa, double shearModulusGpa) =>
        // Isotropic stiffness in terms of Lamé constants λ = B − 2G/3, μ = G (Landau & Lifshitz, Theory of Elasticity, §4–5)
        Cubic(bulkModulusGpa + 4 * shearModulusGpa / 3, bulkModulusGpa - 2 * shearModulusGpa / 3, shearModulusGpa);

    public Matrix<double> ToMatrix() => Matrix<double>.Build.DenseOfArray(_c);
}
