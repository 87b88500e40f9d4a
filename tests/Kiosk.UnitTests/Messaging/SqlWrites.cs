using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Kiosk.UnitTests.Messaging;

/// <summary>What a handler's SQL batch writes, read back from its commands' text.</summary>
internal static partial class SqlWrites
{
    /// <summary>The columns of the batch's INSERT into <typeparamref name="TEntity"/>'s table.</summary>
    public static IReadOnlyList<string> InsertedColumns<TEntity>(DbContext db, IEnumerable<NpgsqlBatchCommand> commands)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var insert = commands.Select(c => Insert().Match(c.CommandText)).First(m => m.Success && m.Groups[1].Value.Trim('"') == entity.GetTableName());
        return [.. insert.Groups[2].Value.Split(", ").Select(column => column.Trim('"'))];
    }

    /// <summary>
    /// Asserts that every column the batch leaves out can be left out: nullable, or given by the database. A required
    /// column added to the mapping but not to the SQL would otherwise fail every insert, or take its CLR default.
    /// </summary>
    public static void AssertWritesEveryRequiredColumn<TEntity>(DbContext db, IEnumerable<NpgsqlBatchCommand> commands)
    {
        var written = InsertedColumns<TEntity>(db, commands);
        Assert.All(db.Model.FindEntityType(typeof(TEntity))!.GetProperties().Where(p => !written.Contains(p.GetColumnName())),
            property => Assert.True(property.IsNullable || property.ValueGenerated != ValueGenerated.Never,
                $"{typeof(TEntity).Name}.{property.Name} is required but not written"));
    }

    [GeneratedRegex("""^INSERT INTO (\S+) \((.*?)\) VALUES""")]
    private static partial Regex Insert();
}
