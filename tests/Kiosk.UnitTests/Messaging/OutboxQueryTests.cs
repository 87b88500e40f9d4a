using Kiosk.Cart.Data;
using Kiosk.Messaging.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.UnitTests.Messaging;

public sealed class OutboxQueryTests
{
    [Fact]
    public void The_relays_read_selects_every_column_the_outbox_maps()
    {
        // A column added to the outbox but not to the relay's plain-SQL read would come back as its default value.
        using var db = new CartDbContextFactory().CreateDbContext([]);
        var outbox = db.Model.FindEntityType(typeof(OutboxMessage))!;

        var sql = OutboxQuery.NextRows(db, 100);

        var selectList = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
        Assert.All(outbox.GetProperties(), property => Assert.Contains($"m.\"{property.GetColumnName()}\"", selectList));
        Assert.Matches($"FROM \"?{outbox.GetTableName()}\"? AS m", sql);
        Assert.EndsWith("LIMIT 100", sql);
    }
}
