using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Schedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScheduledScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ScanType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Configuration = table.Column<string>(type: "text", nullable: false),
                    TargetUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ScanProfileId = table.Column<Guid>(type: "uuid", nullable: true),
                    BaseScanId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    NextExecutionTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    LaunchCount = table.Column<int>(type: "integer", nullable: false),
                    LastLaunchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastScanId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledScans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledScans_Disabled_NextExecutionTime",
                table: "ScheduledScans",
                columns: new[] { "Disabled", "NextExecutionTime" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledScans_UserId_NextExecutionTime",
                table: "ScheduledScans",
                columns: new[] { "UserId", "NextExecutionTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledScans");
        }
    }
}
