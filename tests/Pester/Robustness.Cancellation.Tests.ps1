#Requires -Version 7.0
# Issue 6, cancellation part: stopping a pipeline (what Ctrl+C does) with 64 lookups in flight returns
# at once, aborts the requests in flight, charges nothing for them and starts no further request.
# Each scenario prints one summary line (Write-Host) so the figures show in CI output. For a stopped run
# "lost" counts lookups that were charged but whose object was never written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    $script:ModulePath = (Resolve-Path (Get-TestModulePath)).Path
    $script:Emulator = Start-TestEmulator
    $script:SavedConfigHome = $env:KONBINI_CONFIG_HOME
    $env:KONBINI_CONFIG_HOME = Join-Path $TestDrive 'config'
    $script:Key = 'knbn_cancel_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Set-EmulatorKey -Key $Key -Credits 1000000

    # Polls the emulator until $Condition holds for its stats, or the timeout passes; returns the last stats.
    function Wait-EmulatorStats([scriptblock] $Condition, [double] $TimeoutSec) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while ($true) {
            $stats = Get-EmulatorStats
            if ((& $Condition $stats) -or [DateTime]::UtcNow -gt $deadline) { return $stats }
            Start-Sleep -Milliseconds 50
        }
    }
}

AfterAll {
    Stop-TestEmulator
    $env:KONBINI_CONFIG_HOME = $SavedConfigHome
}

Describe 'Robustness: cancellation (issue 6)' {
    BeforeEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 2000; jitterMs = 0; faultRate = 0 }
        Reset-Emulator
    }

    AfterEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 0 }
    }

    It 'stops 1,000 lookups at 2 s latency within 1 s, aborts the 64 in flight and starts nothing afterwards' {
        $ps = [powershell]::Create()
        try {
            $script = @'
param($ModulePath, $BaseUri, $Key)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri
Set-KonbiniConfiguration -CreditWarningThreshold 0 -RetryCount 3
$names = 1..1000 | ForEach-Object { 'cancel_{0:d4}' -f $_ }
Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64
'@
            $null = $ps.AddScript($script).AddArgument($ModulePath).AddArgument($Emulator.BaseUri).AddArgument($Key)
            $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $noInput.Complete()
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke($noInput, $output)

            $busy = Wait-EmulatorStats { param($s) $s.inFlight -ge 64 } 30
            $busy.inFlight | Should -BeGreaterThan 0 -Because 'the lookups must be running when the pipeline is stopped'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            # Counted the moment Stop() returned: a request in flight then was counted when it arrived, so
            # any later increase is a request started after the stop.
            $atStop = (Get-EmulatorStats).totalRequests

            $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
            Start-Sleep -Milliseconds 2500
            $later = Get-EmulatorStats
            $charged = [long] $later.creditsCharged.PSObject.Properties[$Key].Value
            # A stopped pipeline ends with PipelineStoppedException from EndInvoke.
            $endError = $null
            try { $ps.EndInvoke($handle) } catch { $endError = $_.Exception.InnerException }
            Write-ScenarioSummary -Label 'cancellation' -Inputs 1000 -Objects $output.Count -Errors $ps.Streams.Error.Count `
                -Lost ([Math]::Max(0, $charged - $output.Count)) -CreditsCharged $charged -RequestsSeen $later.totalRequests -Details @(
                "in flight at stop $($busy.inFlight)", ('Stop() took {0:0} ms' -f $watch.Elapsed.TotalMilliseconds), "aborted $($settled.aborted)",
                "in flight after $($settled.inFlight)", "requests at stop $atStop, 2.5 s later $($later.totalRequests)", "state $($ps.InvocationStateInfo.State)")

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $settled.inFlight | Should -Be 0
            $settled.aborted | Should -BeGreaterOrEqual $busy.inFlight -Because 'every request in flight was abandoned, not waited for'
            $later.totalRequests | Should -Be $atStop -Because 'no request starts after the stop'
            $later.totalRequests | Should -BeLessOrEqual 128
            $endError | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
            # With 2 s latency normally nothing has finished when the stop comes; on a slow machine a few
            # may have. Either way only requests that finished before the stop may be charged, and the
            # aborted ones never are.
            $finishedBeforeStop = $busy.totalRequests - $busy.inFlight
            $charged | Should -BeLessOrEqual $finishedBeforeStop -Because 'an abandoned request is refunded'
            $output.Count | Should -BeLessOrEqual $finishedBeforeStop
        }
        finally {
            $ps.Dispose()
        }
    }
    It 'stops lookups waiting between retries within 1 s and sends no retry afterwards' {
        # Every request fails with 503, so each lookup sits in its backoff most of the time.
        Set-EmulatorConfig -Settings @{ latencyMs = 0; faultRate = 1; faults = @('503'); seed = 7 }
        Reset-Emulator
        $ps = [powershell]::Create()
        try {
            $script = @'
param($ModulePath, $BaseUri, $Key)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri
Set-KonbiniConfiguration -CreditWarningThreshold 0 -RetryCount 10
Get-KonbiniTikTokUser -Username (1..1000 | ForEach-Object { 'backoff_{0:d4}' -f $_ }) -ThrottleLimit 64 -ErrorAction Continue
'@
            $null = $ps.AddScript($script).AddArgument($ModulePath).AddArgument($Emulator.BaseUri).AddArgument($Key)
            $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $noInput.Complete()
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke($noInput, $output)

            # The runner starts a few lookups and widens only as lookups finish, which none does here, so
            # wait until the log shows every name that was started requested a second time and nothing in
            # flight: from then on every lookup sits in its backoff (the next retry is 0.5 to 1 s away).
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            do {
                Start-Sleep -Milliseconds 50
                $log = @(Get-EmulatorRequests)
                $started = @($log | Group-Object rawTarget)
                $retried = @($started | Where-Object Count -GE 2)
                $busy = Get-EmulatorStats
            } until (($retried.Count -gt 0 -and $retried.Count -eq $started.Count -and $busy.inFlight -eq 0) -or [DateTime]::UtcNow -gt $deadline)
            $retried.Count | Should -BeGreaterThan 0 -Because 'a lookup must have been retried, so it is in backoff'
            $retried.Count | Should -Be $started.Count -Because 'every lookup started so far has failed and been retried'
            $busy.inFlight | Should -Be 0 -Because 'every lookup is between attempts when the pipeline is stopped'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $atStop = (Get-EmulatorStats).totalRequests
            $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
            Start-Sleep -Milliseconds 2500
            $later = Get-EmulatorStats
            try { $ps.EndInvoke($handle) } catch { Write-Verbose 'stopped' }
            $charged = [long] $later.creditsCharged.PSObject.Properties[$Key].Value
            Write-ScenarioSummary -Label 'cancellation in backoff' -Inputs 1000 -Objects $output.Count -Errors $ps.Streams.Error.Count `
                -Lost ([Math]::Max(0, $charged - $output.Count)) -CreditsCharged $charged -RequestsSeen $later.totalRequests -Details @(
                "names started $($started.Count), all retried before the stop", "requests at stop $atStop, 2.5 s later $($later.totalRequests)",
                ('Stop() took {0:0} ms' -f $watch.Elapsed.TotalMilliseconds), "state $($ps.InvocationStateInfo.State)")

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $later.totalRequests | Should -Be $atStop -Because 'no retry is sent after the stop'
            $later.inFlight | Should -Be 0
            $charged | Should -Be 0 -Because 'every answer was a refunded 503'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'cancels the lookups in flight when a downstream command stops the pipeline (Select-Object -First)' {
        Set-EmulatorConfig -Settings @{ latencyMs = 200; jitterMs = 800; faultRate = 0; seed = 11 }
        Reset-Emulator
        Import-Module $ModulePath -Force
        Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Emulator.BaseUri
        Set-KonbiniConfiguration -CreditWarningThreshold 0
        $names = 1..1000 | ForEach-Object { 'first_{0:d4}' -f $_ }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $script:written = 0
        $first = @(Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64 | ForEach-Object { $script:written++; $_ } | Select-Object -First 3)
        $watch.Stop()
        # Counted as soon as the pipeline has returned: any later increase is a request started after it.
        $atStop = (Get-EmulatorStats).totalRequests
        $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
        Start-Sleep -Milliseconds 2000
        $later = Get-EmulatorStats
        $charged = [long] $later.creditsCharged.PSObject.Properties[$Key].Value
        Write-ScenarioSummary -Label 'cancellation by Select-Object -First 3' -Inputs $names.Count -Objects $script:written -Errors 0 `
            -Lost ([Math]::Max(0, $charged - $script:written)) -CreditsCharged $charged -RequestsSeen $later.totalRequests -Details @(
            "objects kept $($first.Count)", ('{0:0.00} s' -f $watch.Elapsed.TotalSeconds), "aborted $($settled.aborted)",
            "in flight after $($settled.inFlight)", "requests at stop $atStop, 2 s later $($later.totalRequests)")

        ($first | ForEach-Object Username) -join ',' | Should -BeExactly 'first_0001,first_0002,first_0003'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $settled.inFlight | Should -Be 0
        $later.totalRequests | Should -Be $atStop -Because 'no request starts after the pipeline stopped'
        $later.totalRequests | Should -BeLessOrEqual 260 -Because 'at most the runner window (4 x 64 inputs) past the head was ever started'
        $settled.aborted | Should -BeGreaterThan 0
    }
}
