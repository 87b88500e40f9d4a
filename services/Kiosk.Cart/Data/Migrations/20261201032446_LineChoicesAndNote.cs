using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosk.Cart.Data.Migrations
{
    /// <inheritdoc />
    public partial class LineChoicesAndNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Choices",
                table: "CartLines",
                type: "jsonb",
                nullable: false,
                // Lines stored before choices existed have none.
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "CartLines",
                type: "character varying(140)",
                maxLength: 140,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Choices",
                table: "CartLines");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "CartLines");
        }
    }
}
