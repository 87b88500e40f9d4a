using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Orders.Data.Migrations
{
    /// <inheritdoc />
    public partial class LineChoicesAndNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Choices",
                table: "order_items",
                type: "jsonb",
                nullable: false,
                // Lines stored before choices existed have none.
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "order_items",
                type: "character varying(140)",
                maxLength: 140,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Choices",
                table: "order_items");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "order_items");
        }
    }
}
