using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueueIndexWithDeletedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_State_InitiatedAt",
                table: "Scans");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_State_DeletedAt_InitiatedAt",
                table: "Scans",
                columns: new[] { "State", "DeletedAt", "InitiatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_State_DeletedAt_InitiatedAt",
                table: "Scans");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_State_InitiatedAt",
                table: "Scans",
                columns: new[] { "State", "InitiatedAt" });
        }
    }
}
