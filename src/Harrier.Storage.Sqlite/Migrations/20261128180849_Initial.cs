using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harrier.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrawledResources",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    ParameterNames = table.Column<string>(type: "TEXT", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", nullable: true),
                    ResponseHash = table.Column<string>(type: "TEXT", nullable: true),
                    Attacked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrawledResources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsTimeWindowEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Configuration = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScanTaskGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScanType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BaseScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScheduledScanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScanProfileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Configuration = table.Column<string>(type: "TEXT", nullable: false),
                    TargetUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    VcsCommitInfoJson = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PausedByBulkRequest = table.Column<bool>(type: "INTEGER", nullable: false),
                    InitiatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ElapsedTicksBeforeRun = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedSteps = table.Column<int>(type: "INTEGER", nullable: false),
                    CriticalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HighCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InfoCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BestPracticeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailureDescription = table.Column<string>(type: "TEXT", nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SettledConcurrency = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", nullable: false),
                    DateFormat = table.Column<string>(type: "TEXT", nullable: false),
                    TimeFormat = table.Column<string>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vulnerabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebsiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Certainty = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    Parameter = table.Column<string>(type: "TEXT", nullable: true),
                    ParameterLocation = table.Column<string>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    RawRequest = table.Column<string>(type: "TEXT", nullable: true),
                    RawResponse = table.Column<string>(type: "TEXT", nullable: true),
                    Proof = table.Column<string>(type: "TEXT", nullable: true),
                    Cwe = table.Column<string>(type: "TEXT", nullable: true),
                    OwaspTopTen2021 = table.Column<string>(type: "TEXT", nullable: true),
                    Wasc = table.Column<string>(type: "TEXT", nullable: true),
                    Capec = table.Column<string>(type: "TEXT", nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerabilities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebsiteGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebsiteGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Websites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    TechnicalContactEmail = table.Column<string>(type: "TEXT", nullable: true),
                    AgentMode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LicenseType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DefaultProtocol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Websites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebsiteGroupMembers",
                columns: table => new
                {
                    GroupsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebsitesId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebsiteGroupMembers", x => new { x.GroupsId, x.WebsitesId });
                    table.ForeignKey(
                        name: "FK_WebsiteGroupMembers_WebsiteGroups_GroupsId",
                        column: x => x.GroupsId,
                        principalTable: "WebsiteGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WebsiteGroupMembers_Websites_WebsitesId",
                        column: x => x.WebsitesId,
                        principalTable: "Websites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ReportPolicies",
                columns: new[] { "Id", "Description", "IsDefault", "IsShared", "Name", "UserId" },
                values: new object[] { new Guid("e211343a-d602-48f3-8c4b-e1e770652fac"), "Reports every vulnerability type with its default severity", true, true, "Default Report Policy", null });

            migrationBuilder.InsertData(
                table: "ScanPolicies",
                columns: new[] { "Id", "CreatedAt", "Description", "IsDefault", "IsShared", "Name", "SettingsJson", "UserId" },
                values: new object[] { new Guid("b2018666-2a01-e411-976c-0a45dbb897e8"), new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "Performs recommended security checks", true, true, "Default Security Checks", "{}", null });

            migrationBuilder.CreateIndex(
                name: "IX_CrawledResources_ScanId",
                table: "CrawledResources",
                column: "ScanId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanPolicies_Name",
                table: "ScanPolicies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ScanProfiles_UserId_Name",
                table: "ScanProfiles",
                columns: new[] { "UserId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scans_State_InitiatedAt",
                table: "Scans",
                columns: new[] { "State", "InitiatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_UserId_InitiatedAt",
                table: "Scans",
                columns: new[] { "UserId", "InitiatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Scans_WebsiteId",
                table: "Scans",
                column: "WebsiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_TokenHash",
                table: "Users",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerabilities_ScanId_Fingerprint",
                table: "Vulnerabilities",
                columns: new[] { "ScanId", "Fingerprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerabilities_WebsiteId_Fingerprint",
                table: "Vulnerabilities",
                columns: new[] { "WebsiteId", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_WebsiteGroupMembers_WebsitesId",
                table: "WebsiteGroupMembers",
                column: "WebsitesId");

            migrationBuilder.CreateIndex(
                name: "IX_WebsiteGroups_UserId_Name",
                table: "WebsiteGroups",
                columns: new[] { "UserId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Websites_UserId_RootUrl",
                table: "Websites",
                columns: new[] { "UserId", "RootUrl" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrawledResources");

            migrationBuilder.DropTable(
                name: "ReportPolicies");

            migrationBuilder.DropTable(
                name: "ScanPolicies");

            migrationBuilder.DropTable(
                name: "ScanProfiles");

            migrationBuilder.DropTable(
                name: "Scans");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Vulnerabilities");

            migrationBuilder.DropTable(
                name: "WebsiteGroupMembers");

            migrationBuilder.DropTable(
                name: "WebsiteGroups");

            migrationBuilder.DropTable(
                name: "Websites");
        }
    }
}
