#Requires -Version 7.0
# Write-Progress on long runs: shown after the first moment with items done, rate and credits left;
# silent when $ProgressPreference is SilentlyContinue and when pwsh runs -NonInteractive. The test
# runner itself is -NonInteractive, so each case runs in a child pwsh and reads the progress records
# from a [powershell] instance's Progress stream.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite -Key 'knbn_emulator' -EmulatorArguments '--latency-ms', '100'
    $script:ModulePath = $Suite.ModulePath
    $script:Emulator = $Suite.Emulator

    # Runs 30 lookups at 100 ms latency, 2 at a time (about 1.5 s), in a child pwsh, and returns the
    # status lines of the progress records the call wrote, as JSON.
    function Get-ChildProgress {
        param([switch] $NonInteractive, [string] $Preference = 'Continue')
        $script = @"
`$ErrorActionPreference = 'Stop'
`$shell = [powershell]::Create()
`$null = `$shell.AddScript({
    param(`$module, `$uri, `$preference)
    Import-Module `$module
    Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString 'knbn_emulator' -AsPlainText -Force) -BaseUri `$uri
    `$ProgressPreference = `$preference
    1..30 | ForEach-Object { "progress_`$_" } | Get-KonbiniTikTokUser -ThrottleLimit 2 | Out-Null
}).AddArgument('$ModulePath').AddArgument('$($Emulator.BaseUri)').AddArgument('$Preference')
`$null = `$shell.Invoke()
if (`$shell.Streams.Error.Count) { throw `$shell.Streams.Error[0] }
ConvertTo-Json -Compress -InputObject @(`$shell.Streams.Progress | ForEach-Object { @{ status = `$_.StatusDescription; type = [string] `$_.RecordType; percent = `$_.PercentComplete } })
"@
        $child = Invoke-TestPwsh $script -Interactive:(-not $NonInteractive)
        $child.ExitCode | Should -Be 0 -Because "the child pwsh runs the lookups (stderr: $($child.StdErr))"
        return @(ConvertFrom-ChildJson $child)
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Write-Progress on long runs' {
    It 'shows items done, the rate and the credits left, then completes' {
        $records = Get-ChildProgress
        $updates = @($records | Where-Object type -eq 'Processing')
        $updates.Count | Should -BeGreaterThan 0
        # Throttled: a handful of updates for 30 items, not one per item.
        $updates.Count | Should -BeLessThan 15
        $updates[-1].status | Should -Match '^\d+ done, [\d.,]+/s, [\d,]+ credits left$'
        # Piped input has no known total, so no percentage is claimed.
        $updates[-1].percent | Should -Be -1
        $records[-1].type | Should -Be 'Completed'
        Write-Host ("progress: {0} updates, last '{1}'" -f $updates.Count, $updates[-1].status)
    }

    It 'is silent when $ProgressPreference is SilentlyContinue' {
        @(Get-ChildProgress -Preference 'SilentlyContinue') | Should -HaveCount 0
    }

    It 'is silent when pwsh runs -NonInteractive' {
        @(Get-ChildProgress -NonInteractive) | Should -HaveCount 0
    }
}
