#Requires -Version 7.0
# Issue 6, bulk part: nothing is lost under random faults, credits running out stop the call at once,
# and a 10,000-lookup run stays within its throttle. Each scenario prints one summary line (Write-Host)
# so the figures show in CI output.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Emulator = Start-TestEmulator -Arguments '--latency-ms', '2'
    $script:SavedConfigHome = $env:KONBINI_CONFIG_HOME
    $script:SavedApiKey = $env:KONBINI_API_KEY
    $env:KONBINI_CONFIG_HOME = Join-Path $TestDrive 'config'
    Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue

    $script:Key = 'knbn_faults_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Set-EmulatorKey -Key $Key -Credits 1000000
    Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Emulator.BaseUri
    Set-KonbiniConfiguration -CreditWarningThreshold 0 -TimeoutSec 30

    function Get-Charged([string] $ForKey) {
        $property = (Get-EmulatorStats).creditsCharged.PSObject.Properties[$ForKey]
        if ($property) { [long] $property.Value } else { 0L }
    }

    # Sorts one merged stream of outcomes into objects and error records and matches each to its input:
    # an object by its Username, an error by its TargetObject.
    function Get-OutcomeKey([object] $Outcome) {
        if ($Outcome -is [System.Management.Automation.ErrorRecord]) { return [string] $Outcome.TargetObject }
        return [string] $Outcome.Username
    }
}

AfterAll {
    Stop-TestEmulator
    $env:KONBINI_CONFIG_HOME = $SavedConfigHome
    $env:KONBINI_API_KEY = $SavedApiKey
}

Describe 'Robustness: faults, credits and load (issue 6)' {
    BeforeEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 0; faultRate = 0 }
        Reset-Emulator
    }

    It 'ends each of 1,000 lookups as exactly one object or one error, in input order, under 30% random faults' {
        $retries = 3
        Set-KonbiniConfiguration -RetryCount $retries
        Set-EmulatorConfig -Settings @{ latencyMs = 2; jitterMs = 8; faultRate = 0.3; faults = @('500', '502', '503', '504', 'reset', 'truncate'); seed = 6006 }
        Reset-Emulator
        $names = 1..1000 | ForEach-Object { 'fault_{0:d4}' -f $_ }

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
        $charged = Get-Charged $Key
        Write-Host ("faults: inputs {0}, objects {1}, errors {2}, lost {3}, duplicates {4}, credits charged {5}, requests seen {6} (bound {7})" -f
            $names.Count, $objects.Count, $errors.Count, $lost.Count, $duplicates, $charged, $stats.totalRequests, ($names.Count * ($retries + 1)))

        $outcomes | Should -HaveCount 1000
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
        $objects.Count | Should -BeGreaterThan 900 -Because '30% faults with 3 retries leave about 1% failing'
        $charged | Should -Be $objects.Count
        $stats.totalRequests | Should -BeGreaterThan 1000 -Because 'faults were drawn and retried'
        $stats.totalRequests | Should -BeLessOrEqual ($names.Count * ($retries + 1))
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
        $charged = Get-Charged $Key
        Write-Host ("faults with repeats: inputs {0} ({1} distinct), objects {2}, errors {3}, lost {4}, credits charged {5} (distinct names found {6}), requests seen {7} (bound {8})" -f
            $names.Count, 100, $objects.Count, $errors.Count, ($names.Count - $outcomes.Count), $charged, $distinctOk, $stats.totalRequests, (100 * ($retries + 1)))

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
        $quotaKey = 'knbn_quota_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        Set-EmulatorKey -Key $quotaKey -Credits 299
        $names = 1..1000 | ForEach-Object { 'quota_{0:d4}' -f $_ }
        $throttle = 64

        $got = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try {
            Get-KonbiniTikTokUser -Username $names -ThrottleLimit $throttle -ApiKey (ConvertTo-SecureString $quotaKey -AsPlainText -Force) -ErrorAction Continue -ErrorVariable itemErrors |
                ForEach-Object { $got.Add($_) }
        }
        catch {
            $failure = $_
        }
        $log = @(Get-EmulatorRequests)
        $countAtError = $log.Count
        Start-Sleep -Milliseconds 1500
        $countLater = @(Get-EmulatorRequests).Count
        $statuses = @($log | ForEach-Object { [int] $_.status })
        $first402 = [Array]::IndexOf($statuses, 402)
        $count402 = @($statuses | Where-Object { $_ -eq 402 }).Count
        $afterFirst402 = if ($first402 -ge 0) { $log.Count - $first402 - 1 } else { -1 }
        $charged = Get-Charged $quotaKey
        $unprocessed = if ($failure) { @($failure.Exception.UnprocessedInputs).Count } else { 0 }
        Write-Host ("credits: inputs {0}, objects {1}, errors {2}, unprocessed {3}, credits charged {4}, requests seen {5}, 402s {6}, requests after the first 402 {7}, requests after the error {8}" -f
            $names.Count, $got.Count, @($itemErrors).Count, $unprocessed,
            $charged, $countAtError, $count402, $afterFirst402, ($countLater - $countAtError))

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
        $count402 | Should -BeGreaterThan 0
        $count402 | Should -BeLessOrEqual $throttle
        # Only requests already in flight (plus the few a finishing 200 let start before the client read
        # the 402) may arrive after the first 402.
        $afterFirst402 | Should -BeLessThan (2 * $throttle)
        $countLater | Should -Be $countAtError -Because 'no request starts after the terminating error'
    }

    It 'accounts for every piped input when credits run out at item 300 of 1,000' {
        $quotaKey = 'knbn_quotapipe_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        Set-EmulatorKey -Key $quotaKey -Credits 299
        $names = 1..1000 | ForEach-Object { 'qpipe_{0:d4}' -f $_ }
        $got = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try {
            $names | Get-KonbiniTikTokUser -ThrottleLimit 64 -ApiKey (ConvertTo-SecureString $quotaKey -AsPlainText -Force) -ErrorAction Continue |
                ForEach-Object { $got.Add($_) }
        }
        catch {
            $failure = $_
        }
        $countAtError = @(Get-EmulatorRequests).Count
        Start-Sleep -Milliseconds 1000
        $countLater = @(Get-EmulatorRequests).Count
        $unprocessed = if ($failure) { @($failure.Exception.UnprocessedInputs) } else { @() }
        Write-Host ("credits (pipeline): inputs {0}, objects {1}, unprocessed {2}, lost {3}, credits charged {4}, requests seen {5}, requests after the error {6}" -f
            $names.Count, $got.Count, $unprocessed.Count, ($names.Count - $got.Count - $unprocessed.Count), (Get-Charged $quotaKey), $countAtError, ($countLater - $countAtError))

        $got | Should -HaveCount 299
        $failure.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditsExhausted*'
        $unprocessed | Should -HaveCount 701
        (@($got | ForEach-Object Username) + $unprocessed | Sort-Object) -join ',' | Should -BeExactly (($names | Sort-Object) -join ',')
        Get-Charged $quotaKey | Should -Be 299
        $countLater | Should -Be $countAtError
        $countAtError | Should -BeLessThan (299 + 2 * 64) -Because 'piped input after the 402 is read without requests'
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
        Write-Host ("load: inputs {0}, objects {1}, errors {2}, lost {3}, credits charged {4}, requests seen {5}, maxInFlight {6}, {7:0.0} s" -f
            $names.Count, $objects.Count, @($loadErrors).Count, $lost, (Get-Charged $Key), $stats.totalRequests, $stats.maxInFlight, $watch.Elapsed.TotalSeconds)

        @($loadErrors) | Should -HaveCount 0
        $objects | Should -HaveCount 10000
        ($objects -join ',') | Should -BeExactly ($names -join ',')
        $stats.totalRequests | Should -Be 10000
        Get-Charged $Key | Should -Be 10000
        $stats.maxInFlight | Should -BeLessOrEqual 64
        $stats.maxInFlight | Should -BeGreaterThan 1 -Because 'the lookups overlap'
    }
}
