using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Active.SqlInjection;
using Harrier.Engine.Checks.Active.Xss;
using Harrier.Engine.Crawling;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.Scanning;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Scanning;

public sealed class AttackPlannerTests
{
    private static readonly IActiveCheck s_errorSql = new ErrorBasedSqlInjectionCheck();
    private static readonly IActiveCheck s_xss = new ReflectedXssCheck();

    [Fact]
    public void Plan_AttacksHeaders_WithEveryCheck_OnTheFirstPageOfTheSite()
    {
        using var client = Scans.Client(Scans.Configuration(new Uri("http://127.0.0.1:5000/")));
        var planner = new AttackPlanner([s_errorSql, s_xss], client, "Harrier-Test");

        var jobs = planner.Plan(Page("http://127.0.0.1:5000/a"));

        var headerJobs = jobs.Where(j => j.Point?.Kind == InsertionPointKind.Header).ToList();
        Assert.Equal(4, headerJobs.Count); // User-Agent and Referer × two checks
        Assert.All(headerJobs, j => Assert.Null(j.Budget));
    }

    [Fact]
    public void Plan_AttacksHeadersOfLaterPages_OnlyWithPerPageHeaderChecks_WithASmallBudget()
    {
        using var client = Scans.Client(Scans.Configuration(new Uri("http://127.0.0.1:5000/")));
        var planner = new AttackPlanner([s_errorSql, s_xss], client, "Harrier-Test");
        planner.Plan(Page("http://127.0.0.1:5000/a"));

        var jobs = planner.Plan(Page("http://127.0.0.1:5000/b"));

        var headerJobs = jobs.Where(j => j.Point?.Kind == InsertionPointKind.Header).ToList();
        Assert.Equal(["User-Agent", "Referer"], headerJobs.Select(j => j.Point!.Name));
        Assert.All(headerJobs, j => Assert.Same(s_errorSql, j.Check));
        Assert.All(headerJobs, j => Assert.Equal(AttackPlanner.PerPageHeaderBudget, j.Budget));
    }

    [Fact]
    public void Plan_DoesNotAttackHeadersAgain_OnAPageOfAnAlreadyAttackedTemplate()
    {
        using var client = Scans.Client(Scans.Configuration(new Uri("http://127.0.0.1:5000/")));
        var planner = new AttackPlanner([s_errorSql, s_xss], client, "Harrier-Test");
        planner.Plan(Page("http://127.0.0.1:5000/"));
        planner.Plan(Page("http://127.0.0.1:5000/item/1?q=a"));

        var jobs = planner.Plan(Page("http://127.0.0.1:5000/item/2?q=b"));

        Assert.DoesNotContain(jobs, j => j.Point?.Kind == InsertionPointKind.Header);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/robots.txt")]
    [InlineData("http://127.0.0.1:5000/assets/app.js")]
    public void Plan_DoesNotAttackHeadersPerPage_OnStaticFiles(string url)
    {
        using var client = Scans.Client(Scans.Configuration(new Uri("http://127.0.0.1:5000/")));
        var planner = new AttackPlanner([s_errorSql, s_xss], client, "Harrier-Test");
        planner.Plan(Page("http://127.0.0.1:5000/a"));

        var jobs = planner.Plan(Page(url));

        Assert.DoesNotContain(jobs, j => j.Point?.Kind == InsertionPointKind.Header);
    }

    private static CrawledPage Page(string url)
    {
        var response = CheckHarness.Response(url, 200, "text/html", "<p>x</p>");
        return new CrawledPage(response.Request, response);
    }
}
