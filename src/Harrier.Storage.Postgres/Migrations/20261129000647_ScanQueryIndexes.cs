using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScanQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_State_InitiatedAt",
                table: "Scans");

            migrationBuilder.DropIndex(
                name: "IX_Scans_WebsiteId_State_FinishedAt",
                table: "Scans");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_State_DeletedAt_InitiatedAt",
                table: "Scans",
                columns: new[] { "State", "DeletedAt", "InitiatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_WebsiteId_State_DeletedAt_FinishedAt",
                table: "Scans",
                columns: new[] { "WebsiteId", "State", "DeletedAt", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_State_DeletedAt_InitiatedAt",
                table: "Scans");

            migrationBuilder.DropIndex(
                name: "IX_Scans_WebsiteId_State_DeletedAt_FinishedAt",
                table: "Scans");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_State_InitiatedAt",
                table: "Scans",
                columns: new[] { "State", "InitiatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_WebsiteId_State_FinishedAt",
                table: "Scans",
                columns: new[] { "WebsiteId", "State", "FinishedAt" });
        }
    }
}
