using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kiosk.Menu.Data.Migrations
{
    /// <inheritdoc />
    public partial class ValueMealOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MealId",
                table: "MenuItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OptionGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MenuItemId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Min = table.Column<int>(type: "integer", nullable: false),
                    Max = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptionGroups", x => x.Id);
                    table.CheckConstraint("CK_OptionGroups_MinMax", "\"Min\" >= 0 AND \"Max\" >= 1 AND \"Min\" <= \"Max\"");
                    table.ForeignKey(
                        name: "FK_OptionGroups_MenuItems_MenuItemId",
                        column: x => x.MenuItemId,
                        principalTable: "MenuItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OptionChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    OptionGroupId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PriceDelta = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptionChoices", x => x.Id);
                    table.CheckConstraint("CK_OptionChoices_PriceDelta", "\"PriceDelta\" >= 0");
                    table.ForeignKey(
                        name: "FK_OptionChoices_OptionGroups_OptionGroupId",
                        column: x => x.OptionGroupId,
                        principalTable: "OptionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MenuItems_MealId",
                table: "MenuItems",
                column: "MealId");

            migrationBuilder.CreateIndex(
                name: "IX_OptionChoices_OptionGroupId",
                table: "OptionChoices",
                column: "OptionGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_OptionGroups_MenuItemId_Code",
                table: "OptionGroups",
                columns: new[] { "MenuItemId", "Code" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_MenuItems_MenuItems_MealId",
                table: "MenuItems",
                column: "MealId",
                principalTable: "MenuItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MenuItems_MenuItems_MealId",
                table: "MenuItems");

            migrationBuilder.DropTable(
                name: "OptionChoices");

            migrationBuilder.DropTable(
                name: "OptionGroups");

            migrationBuilder.DropIndex(
                name: "IX_MenuItems_MealId",
                table: "MenuItems");

            migrationBuilder.DropColumn(
                name: "MealId",
                table: "MenuItems");
        }
    }
}
