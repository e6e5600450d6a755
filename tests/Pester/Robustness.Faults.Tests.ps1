#Requires -Version 7.0
# Issue 6, bulk part: nothing is lost under random faults, credits running out stop the call at once,
# and a 10,000-lookup run stays within its throttle. Each scenario prints one summary line (Write-Host)
# so the figures show in CI output.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite -EmulatorArguments '--latency-ms', '2'
    $script:Key = $Suite.Key

    # Reads the request log (arrival order) around the first 402: how many requests arrived from the first
    # 402 on, counting it. Every one of them must have been started before the client read its first 402:
    # once a worker reads a 402 no request starts, so they are at most the requests that were in flight
    # at that moment, which the throttle bounds.
    function Get-QuotaLog([object[]] $Log) {
        $statuses = @($Log | ForEach-Object { [int] $_.status })
        $first402 = [Array]::IndexOf($statuses, 402)
        [pscustomobject]@{
            Count         = $Log.Count
            First402      = $first402
            Count402      = @($statuses | Where-Object { $_ -eq 402 }).Count
            FromFirst402  = if ($first402 -ge 0) { $Log.Count - $first402 } else { 0 }
            # The same by the emulator's arrival clock, a cross-check of the log order.
            AtOrAfterTime = if ($first402 -ge 0) { @($Log | Where-Object { [DateTimeOffset] $_.time -ge [DateTimeOffset] $Log[$first402].time }).Count } else { 0 }
        }
    }

    # Looks up 1,000 names (<Prefix>_0001 ...) at throttle 64 with a new key that has 299 credits, as one
    # -Username array or piped, and returns the objects, the terminating error, the error records, the
    # request log at the error, and the request count once no further request could still start (the
    # first that does ends the wait; 1.5 s at most).
    function Invoke-UntilCreditsRunOut([string] $Prefix, [switch] $Piped) {
        $key = New-TestKey -Tag $Prefix -Credits 299
        $names = 1..1000 | ForEach-Object { "${Prefix}_{0:d4}" -f $_ }
        $got = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        $itemErrors = $null
        $lookup = @{ ThrottleLimit = 64; ApiKey = (ConvertTo-TestSecureString $key); ErrorAction = 'Continue'; ErrorVariable = 'itemErrors' }
        try {
            if ($Piped) { $names | Get-KonbiniTikTokUser @lookup | ForEach-Object { $got.Add($_) } }
            else { Get-KonbiniTikTokUser -Username $names @lookup | ForEach-Object { $got.Add($_) } }
        }
        catch {
            $failure = $_
        }
        $log = @(Get-EmulatorRequests)
        $countLater = Wait-Until -Probe { @(Get-EmulatorRequests).Count } { $_ -ne $log.Count } -TimeoutSeconds 1.5
        [pscustomobject]@{
            Key = $key; Names = $names; Got = $got; Failure = $failure; ItemErrors = @($itemErrors)
            CountAtError = $log.Count; CountLater = $countLater; Quota = Get-QuotaLog $log
        }
    }

    # Sorts one merged stream of outcomes into objects and error records and matches each to its input:
    # an object by its Username, an error by its TargetObject.
    function Get-OutcomeKey([object] $Outcome) {
        if ($Outcome -is [System.Management.Automation.ErrorRecord]) { return [string] $Outcome.TargetObject }
        return [string] $Outcome.Username
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Robustness: faults, credits and load (issue 6)' {
    BeforeEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 0; faultRate = 0 }
        Reset-Emulator
    }

    It 'ends each of 1,000 lookups as exactly one object or one error, in input order, under 30% random faults' {
        $retries = 3
        $faultKinds = @('500', '502', '503', '504', 'reset', 'truncate')
        Set-KonbiniConfiguration -RetryCount $retries
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 8; faultRate = 0.3; faults = $faultKinds; seed = 6006 }
        Reset-Emulator
        # Ten names the emulator fails nine times in a row (emu.retry.9.*): with three retries each must end
        # as an error after exactly four requests, however the random faults fall.
        $alwaysFail = 1..10 | ForEach-Object { 'emu.retry.9.f{0:d2}' -f $_ }
        $names = [System.Collections.Generic.List[string]]::new()
        foreach ($i in 1..1000) {
            $names.Add(('fault_{0:d4}' -f $i))
            if ($i % 100 -eq 50) { $names.Add($alwaysFail[($i - 50) / 100]) }
        }
        $names = $names.ToArray()

        # Objects and error records in one stream, in the order the cmdlet wrote them.
        $outcomes = [System.Collections.Generic.List[object]]::new()
        Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64 -ErrorAction Continue 2>&1 |
            ForEach-Object { $outcomes.Add($_) }

        $errors = @($outcomes | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $objects = @($outcomes | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $keys = @($outcomes | ForEach-Object { Get-OutcomeKey $_ })
        $lost = @($names | Where-Object { $_ -notin $keys })
        $duplicates = $keys.Count - @($keys | Sort-Object -Unique).Count
        $stats = Get-EmulatorStats
        $charged = Get-EmulatorCharged -Key $Key
        # Requests per name, from the emulator's own log (the target is /v1/tiktok/users/<name>).
        $perName = @{}
        foreach ($group in (@(Get-EmulatorRequests) | Group-Object rawTarget)) { $perName[$group.Name] = $group.Count }
        $mostForOneName = ($perName.Values | Measure-Object -Maximum).Maximum
        $drawn = $stats.routes.'tiktok.users'
        $drawnText = ($faultKinds | ForEach-Object { $n = if ($drawn.PSObject.Properties[$_]) { $drawn.$_ } else { 0 }; "$_ x$n" }) -join ' '
        Write-ScenarioSummary -Label 'faults' -Inputs $names.Count -Objects $objects.Count -Errors $errors.Count -Lost $lost.Count `
            -CreditsCharged $charged -RequestsSeen $stats.totalRequests -Details @(
            "duplicates $duplicates", "most requests for one name $mostForOneName (bound $($retries + 1))", "faults drawn: $drawnText")

        $outcomes | Should -HaveCount $names.Count
        $lost | Should -HaveCount 0
        $duplicates | Should -Be 0
        # Order kept: the n-th outcome belongs to the n-th input.
        ($keys -join ',') | Should -BeExactly ($names -join ',')
        foreach ($o in $objects) { $o | Should -BeOfType ([KonbiniApi.Models.TikTokUser]) }
        foreach ($e in $errors) {
            # Only transient failures that outlived every retry may remain.
            $e.FullyQualifiedErrorId | Should -Match '^KonbiniApi\.(InternalError|PlatformError|ServiceUnavailable|NetworkError)\b'
            $e.Exception.Attempts | Should -Be ($retries + 1)
        }
        # The retry bound holds for every single name, not only on average.
        $perName.Count | Should -Be $names.Count -Because 'every name was requested at least once'
        foreach ($target in $perName.Keys) {
            $perName[$target] | Should -BeLessOrEqual ($retries + 1) -Because "$target may be tried at most $($retries + 1) times"
        }
        # A name that always fails is tried exactly RetryCount + 1 times, and its error says so.
        foreach ($name in $alwaysFail) {
            $perName["/v1/tiktok/users/$name"] | Should -Be ($retries + 1) -Because "$name fails every attempt"
            $failure = $outcomes[[Array]::IndexOf($names, $name)]
            $failure | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $failure.TargetObject | Should -Be $name
            $failure.Exception.Attempts | Should -Be ($retries + 1)
        }
        # Every kind of fault in the mix was really drawn, so each one's retry path ran.
        foreach ($kind in $faultKinds) {
            $drawn.PSObject.Properties[$kind] | Should -Not -BeNullOrEmpty -Because "the '$kind' fault must be drawn at least once"
            [long] $drawn.$kind | Should -BeGreaterThan 0
        }
        $objects.Count | Should -BeGreaterThan 900 -Because '30% faults with 3 retries leave about 1% failing'
        $charged | Should -Be $objects.Count
        $stats.totalRequests | Should -BeGreaterThan $names.Count -Because 'faults were drawn and retried'
        $stats.maxInFlight | Should -BeLessOrEqual 64
    }

    It 'gives repeated names one outcome each under faults, sharing one request per name' {
        $retries = 1
        Set-KonbiniConfiguration -RetryCount $retries
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 4; faultRate = 0.5; faults = @('503', 'reset', 'truncate'); seed = 77 }
        Reset-Emulator
        # 100 distinct names, each three times (in mixed case), 300 inputs.
        $names = 0..299 | ForEach-Object { $n = 'repeat_{0:d3}' -f ($_ % 100); if ($_ -ge 200) { $n.ToUpperInvariant() } else { $n } }
        $outcomes = [System.Collections.Generic.List[object]]::new()
        Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64 -ErrorAction Continue 2>&1 | ForEach-Object { $outcomes.Add($_) }
        $errors = @($outcomes | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $objects = @($outcomes | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $keys = @($outcomes | ForEach-Object { (Get-OutcomeKey $_).ToLowerInvariant() })
        $distinctOk = @($objects | ForEach-Object Username | Sort-Object -Unique).Count
        $stats = Get-EmulatorStats
        $charged = Get-EmulatorCharged -Key $Key
        Write-ScenarioSummary -Label 'faults with repeats' -Inputs $names.Count -Objects $objects.Count -Errors $errors.Count `
            -Lost ($names.Count - $outcomes.Count) -CreditsCharged $charged -RequestsSeen $stats.totalRequests -Details @(
            '100 distinct names', "distinct names found $distinctOk", "request bound $(100 * ($retries + 1))")

        $outcomes | Should -HaveCount 300
        ($keys -join ',') | Should -BeExactly (($names | ForEach-Object { $_.ToLowerInvariant() }) -join ',')
        $charged | Should -Be $distinctOk -Because 'a repeated name costs no extra credit'
        $stats.totalRequests | Should -BeLessOrEqual (100 * ($retries + 1)) -Because 'repeats share the request of the first occurrence'
        # A name has one fate: its three inputs all succeed or all fail.
        foreach ($group in ($outcomes | Group-Object { (Get-OutcomeKey $_).ToLowerInvariant() })) {
            $group.Count | Should -Be 3
            @($group.Group | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeIn 0, 3
        }
    }

    It 'writes exactly 299 objects when credits run out at item 300 of 1,000, then stops every request' {
        $run = Invoke-UntilCreditsRunOut 'quota'
        $throttle = 64
        $names = $run.Names; $got = $run.Got; $failure = $run.Failure; $itemErrors = $run.ItemErrors
        $countAtError = $run.CountAtError; $countLater = $run.CountLater; $quota = $run.Quota
        $charged = Get-EmulatorCharged -Key $run.Key
        $unprocessed = if ($failure) { @($failure.Exception.UnprocessedInputs).Count } else { 0 }
        Write-ScenarioSummary -Label 'credits' -Inputs $names.Count -Objects $got.Count -Errors @($itemErrors).Count `
            -Lost ($names.Count - $got.Count - $unprocessed) -CreditsCharged $charged -RequestsSeen $countAtError -Details @(
            "unprocessed $unprocessed", "402s $($quota.Count402)", "requests from the first 402 on $($quota.FromFirst402) (by arrival time $($quota.AtOrAfterTime), bound $throttle)",
            "requests after the error $($countLater - $countAtError)")

        $got | Should -HaveCount 299
        @($itemErrors) | Should -HaveCount 1 -Because 'the terminating error is the only error record'
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditsExhausted*'
        $failure.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::QuotaExceeded)
        $failure.Exception.Message | Should -Match 'exhausted'
        $failure.Exception.Message | Should -Match '701 of the 1,000 inputs (received )?were not processed'
        $failure.Exception.UnprocessedInputs | Should -HaveCount 701
        # Nothing lost: every input is either an object or listed as not processed, once.
        $accounted = @($got | ForEach-Object Username) + @($failure.Exception.UnprocessedInputs)
        ($accounted | Sort-Object) -join ',' | Should -BeExactly (($names | Sort-Object) -join ',')
        $charged | Should -Be 299
        $quota.Count402 | Should -BeGreaterThan 0
        $quota.Count402 | Should -BeLessOrEqual $throttle
        # Only requests already started when the first 402 reached the client may arrive from the first
        # 402 on: at most one throttle's worth, the 402 itself included.
        $quota.FromFirst402 | Should -BeLessOrEqual $throttle -Because 'no request starts once a 402 is read'
        $quota.AtOrAfterTime | Should -BeLessOrEqual $throttle
        $countLater | Should -Be $countAtError -Because 'no request starts after the terminating error'
    }

    It 'accounts for every piped input when credits run out at item 300 of 1,000' {
        $run = Invoke-UntilCreditsRunOut 'qpipe' -Piped
        $quotaKey = $run.Key
        $names = $run.Names; $got = $run.Got; $failure = $run.Failure
        $countAtError = $run.CountAtError; $countLater = $run.CountLater; $quota = $run.Quota
        $unprocessed = if ($failure) { @($failure.Exception.UnprocessedInputs) } else { @() }
        Write-ScenarioSummary -Label 'credits (pipeline)' -Inputs $names.Count -Objects $got.Count -Errors ([int] [bool] $failure) `
            -Lost ($names.Count - $got.Count - $unprocessed.Count) -CreditsCharged (Get-EmulatorCharged -Key $quotaKey) -RequestsSeen $countAtError -Details @(
            "unprocessed $($unprocessed.Count)", "402s $($quota.Count402)", "requests from the first 402 on $($quota.FromFirst402) (bound 64)",
            "requests after the error $($countLater - $countAtError)")

        $got | Should -HaveCount 299
        $failure.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditsExhausted*'
        $unprocessed | Should -HaveCount 701
        (@($got | ForEach-Object Username) + $unprocessed | Sort-Object) -join ',' | Should -BeExactly (($names | Sort-Object) -join ',')
        Get-EmulatorCharged -Key $quotaKey | Should -Be 299
        $countLater | Should -Be $countAtError
        $quota.FromFirst402 | Should -BeLessOrEqual 64 -Because 'piped input after the 402 is read without requests'
        $countAtError | Should -BeLessOrEqual (299 + 64)
    }

    It 'accounts for every one of 10,000 lookups at -ThrottleLimit 64 and never exceeds the throttle' {
        Set-KonbiniConfiguration -RetryCount 3
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 3; faultRate = 0 }
        Reset-Emulator
        $names = 1..10000 | ForEach-Object { 'load_{0:d5}' -f $_ }
        $objects = [System.Collections.Generic.List[object]]::new()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64 -ErrorAction Continue -ErrorVariable loadErrors |
            ForEach-Object { $objects.Add($_.Username) }
        $watch.Stop()
        $stats = Get-EmulatorStats
        $lost = $names.Count - $objects.Count - @($loadErrors).Count
        Write-ScenarioSummary -Label 'load' -Inputs $names.Count -Objects $objects.Count -Errors @($loadErrors).Count `
            -Lost $lost -CreditsCharged (Get-EmulatorCharged -Key $Key) -RequestsSeen $stats.totalRequests -Details @(
            "maxInFlight $($stats.maxInFlight)", ('{0:0.0} s' -f $watch.Elapsed.TotalSeconds))

        @($loadErrors) | Should -HaveCount 0
        $objects | Should -HaveCount 10000
        ($objects -join ',') | Should -BeExactly ($names -join ',')
        $stats.totalRequests | Should -Be 10000
        Get-EmulatorCharged -Key $Key | Should -Be 10000
        $stats.maxInFlight | Should -BeLessOrEqual 64
        $stats.maxInFlight | Should -BeGreaterThan 1 -Because 'the lookups overlap'
    }
}
