#Requires -Version 7.0
# Issue 6, cancellation part: stopping a pipeline (what Ctrl+C does) with 64 lookups in flight returns
# at once, aborts the requests in flight, charges nothing for them and starts no further request.
# The scenario prints one summary line (Write-Host) so the figures show in CI output.

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

            $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
            $totalSettled = $settled.totalRequests
            Start-Sleep -Milliseconds 2500
            $later = Get-EmulatorStats
            $charged = $later.creditsCharged.PSObject.Properties[$Key].Value
            # A stopped pipeline ends with PipelineStoppedException from EndInvoke.
            $endError = $null
            try { $ps.EndInvoke($handle) } catch { $endError = $_.Exception.InnerException }
            Write-Host ("cancellation: inputs 1000, in flight at stop {0}, Stop() took {1:0} ms, aborted {2}, in flight after {3}, requests seen {4} then {5} 2.5 s later, objects {6}, credits charged {7}, state {8}" -f
                $busy.inFlight, $watch.Elapsed.TotalMilliseconds, $settled.aborted, $settled.inFlight, $totalSettled, $later.totalRequests,
                $output.Count, $charged, $ps.InvocationStateInfo.State)

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $settled.inFlight | Should -Be 0
            $settled.aborted | Should -BeGreaterOrEqual $busy.inFlight -Because 'every request in flight was abandoned, not waited for'
            $later.totalRequests | Should -Be $totalSettled -Because 'no request starts after the stop'
            $later.totalRequests | Should -BeLessOrEqual 128
            $endError | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
            # With 2 s latency normally nothing has finished when the stop comes; on a slow machine a few
            # may have. Either way only requests that finished before the stop may be charged, and the
            # aborted ones never are.
            $finishedBeforeStop = $busy.totalRequests - $busy.inFlight
            [long] $charged | Should -BeLessOrEqual $finishedBeforeStop -Because 'an abandoned request is refunded'
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

            # Wait until the first wave has been retried at least once.
            $busy = Wait-EmulatorStats { param($s) $s.totalRequests -ge 128 } 30
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
            Start-Sleep -Milliseconds 2500
            $later = Get-EmulatorStats
            try { $ps.EndInvoke($handle) } catch { Write-Verbose 'stopped' }
            Write-Host ("cancellation in backoff: requests seen {0} at stop, {1} after, {2} 2.5 s later, Stop() took {3:0} ms, objects {4}, errors {5}, state {6}" -f
                $busy.totalRequests, $settled.totalRequests, $later.totalRequests, $watch.Elapsed.TotalMilliseconds, $output.Count, $ps.Streams.Error.Count, $ps.InvocationStateInfo.State)

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $later.totalRequests | Should -Be $settled.totalRequests -Because 'no retry is sent after the stop'
            $later.inFlight | Should -Be 0
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
        $first = @(Get-KonbiniTikTokUser -Username $names -ThrottleLimit 64 | Select-Object -First 3)
        $watch.Stop()
        $settled = Wait-EmulatorStats { param($s) $s.inFlight -eq 0 } 3
        Start-Sleep -Milliseconds 1500
        $later = Get-EmulatorStats
        $charged = $later.creditsCharged.PSObject.Properties[$Key].Value
        Write-Host ("cancellation by Select-Object -First 3: objects {0} in {1:0.00} s, requests seen {2}, aborted {3}, in flight after {4}, requests 1.5 s later {5}, credits charged {6}" -f
            $first.Count, $watch.Elapsed.TotalSeconds, $settled.totalRequests, $settled.aborted, $settled.inFlight, $later.totalRequests, $charged)

        ($first | ForEach-Object Username) -join ',' | Should -BeExactly 'first_0001,first_0002,first_0003'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $settled.inFlight | Should -Be 0
        $later.totalRequests | Should -Be $settled.totalRequests
        $later.totalRequests | Should -BeLessOrEqual 260 -Because 'at most the runner window (4 x 64 inputs) past the head was ever started'
        $settled.aborted | Should -BeGreaterThan 0
    }
}
