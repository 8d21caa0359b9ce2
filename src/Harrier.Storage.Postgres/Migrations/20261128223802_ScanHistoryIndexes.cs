using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScanHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Scans_UserId_DeletedAt_InitiatedAt",
                table: "Scans",
                columns: new[] { "UserId", "DeletedAt", "InitiatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_WebsiteId_IssuesAppliedAt",
                table: "Scans",
                columns: new[] { "WebsiteId", "IssuesAppliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_WebsiteId_State_FinishedAt",
                table: "Scans",
                columns: new[] { "WebsiteId", "State", "FinishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scans_UserId_DeletedAt_InitiatedAt",
                table: "Scans");

            migrationBuilder.DropIndex(
                name: "IX_Scans_WebsiteId_IssuesAppliedAt",
                table: "Scans");

            migrationBuilder.DropIndex(
                name: "IX_Scans_WebsiteId_State_FinishedAt",
                table: "Scans");
        }
    }
}
