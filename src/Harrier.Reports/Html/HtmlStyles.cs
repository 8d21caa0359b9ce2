namespace Harrier.Reports.Html;

/// <summary>The one stylesheet of the HTML reports, inlined and allowed by its hash in the page's CSP.</summary>
internal static class HtmlStyles
{
    public const string Css =
        "\n:root{color-scheme:light;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}" +
        "\nbody{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);background:#fff}" +
        "\nmain{max-width:1100px;margin:0 auto;padding:24px}" +
        "\nh1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}" +
        "\nh3{font-size:17px;margin:24px 0 8px}h4{font-size:15px;margin:16px 0 4px}" +
        "\n.subtitle{color:var(--muted);margin:0 0 16px;overflow-wrap:anywhere}" +
        "\ntable{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}" +
        "\nth{background:var(--bg);font-weight:600}table.facts th{width:220px}" +
        "\n.summary{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}.summary>*{flex:1 1 420px}" +
        "\n.badge{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:13px;font-weight:600;white-space:nowrap}" +
        "\n.sev-Critical{background:#7b1fa2}.sev-High{background:#c62828}.sev-Medium{background:#e65100}.sev-Low{background:#1565c0}" +
        "\n.sev-Information{background:#455a64}.sev-BestPractice{background:#2e7d32}" +
        "\nsection.vuln{border:1px solid var(--line);border-radius:6px;padding:8px 16px;margin:16px 0}" +
        "\npre{background:var(--bg);border:1px solid var(--line);padding:8px;overflow:auto;max-height:480px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px}" +
        "\nmark{background:#fff3a3;color:#000}" +
        "\n.muted{color:var(--muted)}.num{text-align:right}details{margin:4px 0 8px}summary{cursor:pointer;font-weight:600}" +
        "\nfooter{max-width:1100px;margin:0 auto;padding:16px 24px;color:var(--muted);font-size:13px}" +
        "\n@media print{pre{max-height:none}section.vuln{break-inside:avoid}}\n";
}
