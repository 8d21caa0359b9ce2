#!/usr/bin/env python3
"""Generates the Invicti wire DTOs in src/Harrier.Contracts/Models from the vendor's swagger.

Run from the repository root: python3 eng/generate-contracts.py ../shared/api/invicti-swagger-v1.json
Member names and order come from the swagger; enums map onto Harrier.Core.Scans enums when the value lists match.
Paged lists (*ListApiResult) share one generic shape: PagedResult<T>, hand-written.
Definitions not listed below are carried opaquely as JsonElement (stored and echoed, never interpreted).
"""
import json, os, re, sys

REQUEST = ['NewScanTaskApiModel', 'SaveScanProfileApiModel', 'NewScanTaskWithProfileApiModel', 'NewGroupScanApiModel',
           'IncrementalApiModel', 'BaseScanApiModel', 'NewWebsiteApiModel', 'UpdateWebsiteApiModel', 'DeleteWebsiteApiModel',
           'NewWebsiteGroupApiModel', 'UpdateWebsiteGroupApiModel', 'DeleteWebsiteGroupApiModel', 'NewScanPolicySettingModel',
           'BasicAuthenticationSettingModel', 'BasicAuthenticationCredentialModel', 'ClientCertificateAuthenticationApiModel',
           'ApiFile', 'ExcludedLinkModel', 'ExcludedUsageTrackerModel', 'FormAuthenticationSettingModel',
           'FormAuthenticationCustomScript', 'LogoutKeywordPatternModel', 'FormAuthenticationPersona', 'AuthorizationTokenRule',
           'HeaderAuthenticationModel', 'CustomHttpHeaderModel', 'SharkModel', 'PreRequestScriptSettingModel',
           'AdditionalWebsiteModel', 'ScanTimeWindowModel', 'ScanTimeWindowItemModel', 'UrlRewriteRuleModel',
           'UrlRewriteExcludedPathModel', 'BusinessLogicRecorderSettingModel', 'SequenceViewModel',
           'ScanPolicySettingApiModel', 'HttpRequestSettingModel', 'SecurityCheckGroupParentModel', 'SecurityCheckGroupModel',
           'SecurityCheckSetting', 'ScanPolicyOptimizerOptions', 'IssueApiUpdateModel', 'NewScheduledScanApiModel',
           'UpdateScheduledScanApiModel', 'NewScheduledWithProfileApiModel', 'NewScheduledIncrementalScanApiModel',
           'UpdateScheduledIncrementalScanApiModel', 'ScheduledScanRecurrenceApiModel']
RESPONSE = ['ScanTaskModel', 'VcsCommitInfo', 'PciScanTaskViewModel', 'ReducedScanTaskProfile', 'ApiScanStatusModel',
            'VulnerabilityModel', 'WebsiteApiModel', 'IdNamePair',
            'WebsiteGroupApiModel', 'DeleteWebsiteGroupResponse', 'ScanPolicySettingItemApiModel',
            'WebsiteGroupModel', 'UserHealthCheckApiModel',
            'AccountLicenseApiModel', 'BaseResponseApiModel', 'IssueApiModel', 'AllIssuesApiModel',
            'IssueHistoryApiModel', 'IssueRequestContentParametersApiModel', 'UpdateScheduledScanModel',
            'ScheduledScanApiModel', 'ScheduledScanRecurrenceViewModel']
# Response members that are null when not applicable although their type is a value type (contract §3.1).
NULLABLE_IN_RESPONSE = {'EstimatedLaunchTime', 'FailureReason', 'CiBuildHasChange', 'CiTimestamp', 'IsCommiterExistAndAuthorizedInNc',
                        'IntegrationSystem', 'EndDate', 'ComplianceStatus', 'ScanState', 'SubscriptionEndDate', 'SubscriptionStartDate',
                        'LastExecutedScanTaskId', 'LastExecutionStatus', 'StartDate', 'EndOnDate', 'EndingType', 'Ordinal',
                        'RepeatType', 'Interval', 'EndOnOccurences', 'DayOfMonth', 'DayOfWeek', 'ScanGroupId', 'PolicyId',
                        'ReportPolicyId', 'ProfileId', 'AgentGroupId', 'AgentId', 'WebsiteGroupId', 'UserId', 'LaunchSettingId',
                        'SelectedScanProfileId', 'CustomRecurrence'}

# Models that carry the shared launch members (IScanLaunchSettings, written by hand from the same list).
LAUNCH_MODELS = {'NewScanTaskApiModel', 'SaveScanProfileApiModel', 'NewScheduledScanApiModel', 'UpdateScheduledScanApiModel'}

CORE_ENUMS_DIR = 'src/Harrier.Core/Scans'


def core_enums():
    enums = {}
    for f in os.listdir(CORE_ENUMS_DIR):
        text = open(os.path.join(CORE_ENUMS_DIR, f)).read()
        m = re.search(r'public enum (\w+)\s*\{([^}]*)\}', text)
        if m:
            values = [v.strip() for v in m.group(2).split(',') if v.strip()]
            enums[tuple(values)] = m.group(1)
    enums[('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')] = 'DayOfWeek'
    return enums


def main(swagger_path):
    defs = json.load(open(swagger_path))['definitions']
    enums = core_enums()
    known = set(REQUEST) | set(RESPONSE)
    out_dir = 'src/Harrier.Contracts/Models'
    os.makedirs(out_dir, exist_ok=True)

    def cs_type(prop, request, name):
        if '$ref' in prop:
            ref = prop['$ref'].split('/')[-1]
            return (ref if ref in known else 'JsonElement') + '?'
        t = prop.get('type')
        if 'enum' in prop:
            e = enums.get(tuple(prop['enum']))
            if e is None:
                return 'string?'
            return e + ('?' if request or name in NULLABLE_IN_RESPONSE else '')
        if t == 'array':
            return 'IReadOnlyList<' + cs_type(prop['items'], request, name).rstrip('?') + '>?'
        if t == 'object':
            return 'JsonElement?'
        if t == 'string':
            fmt = prop.get('format')
            if fmt == 'date-time':
                return 'DateTimeOffset?'
            if fmt == 'string' and prop.get('example') == '00000000-0000-0000-0000-000000000000':
                return 'Guid?'
            if fmt == 'byte':
                return 'string?'
            return 'string?'
        vt = {'integer': 'long' if prop.get('format') == 'int64' else 'int', 'boolean': 'bool', 'number': 'double'}.get(t)
        if vt is None:
            return 'JsonElement?'
        return vt + ('?' if request or name in NULLABLE_IN_RESPONSE else '')

    for name in REQUEST + RESPONSE:
        d = defs[name]
        request = name in REQUEST
        lines = []
        for pname, prop in d.get('properties', {}).items():
            t = cs_type(prop, request, pname)
            if pname == name:
                continue
            doc = (prop.get('description') or '').replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').split('\n')[0].strip()
            if doc:
                lines.append(f'    /// <summary>{doc}</summary>')
            lines.append(f'    public {t} {pname} {{ get; init; }}')
            lines.append('')
        body = '\n'.join(lines).rstrip() + '\n'
        usings = 'using System.Text.Json;\n' if 'JsonElement' in body else ''
        if re.search(r'\b(ScanTaskState|ScanTaskPhase|ScanType|ThreatLevel|Severity|ScanFailureReason|ScanTaskScope|UrlRewriteMode|AuthenticationProfileOption|WebsiteProtocol|IntegrationSystem|CreateType|AgentMode|LicenseType|BasicAuthenticationType|HttpMethodName|PciScanState|ComplianceStatus|ScheduleRunType|RepeatType|EndingType|MonthOfYear|Ordinal|ScanLaunchStatus)\b', body):
            usings += 'using Harrier.Core.Scans;\n'
        kind = 'request' if request else 'response'
        base = ' : Harrier.Contracts.IScanLaunchSettings' if name in LAUNCH_MODELS else ''
        text = f"""// <auto-generated>eng/generate-contracts.py from the Invicti swagger ({kind} model). Edit the script, not this file.</auto-generated>
#nullable enable
{usings}
namespace Harrier.Contracts.Models;

/// <summary>Invicti <c>{name}</c>.</summary>
public sealed record {name}{base}
{{
{body}}}
"""
        open(os.path.join(out_dir, name + '.cs'), 'w').write(text)
    print(f'{len(REQUEST) + len(RESPONSE)} models written to {out_dir}')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/api/invicti-swagger-v1.json')
