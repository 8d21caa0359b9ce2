using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredAgentGroupName",
                table: "Scans",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequiredAgentName",
                table: "Scans",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Agents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OsDescription = table.Column<string>(type: "TEXT", nullable: true),
                    FrameworkDescription = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessArchitecture = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LaunchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_AgentId",
                table: "Scans",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_Scans_LeaseExpiresAt",
                table: "Scans",
                column: "LeaseExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Agents_Name",
                table: "Agents",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Agents");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_Scans_AgentId",
                table: "Scans");

            migrationBuilder.DropIndex(
                name: "IX_Scans_LeaseExpiresAt",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "RequiredAgentGroupName",
                table: "Scans");

            migrationBuilder.DropColumn(
                name: "RequiredAgentName",
                table: "Scans");
        }
    }
}
