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
            $output | Should -HaveCount 0
            $charged | Should -Be $output.Count -Because 'an abandoned request is refunded; only delivered objects are charged'
        }
        finally {
            $ps.Dispose()
        }
    }
}
