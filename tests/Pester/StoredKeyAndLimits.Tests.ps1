#Requires -Version 7.0
# Issue 4 on Linux: the stored key (file and SecretManagement vault), its permissions, removal, the key
# lookup order, non-interactive sessions, ForEach-Object -Parallel, Start-Job, -MaxCredits, the credit warning
# threshold, configuration validation and persistence, and that the key never appears in any output.
#
# Every test points KONBINI_CONFIG_HOME at a fresh folder (New-TestConfigurationHome): the real ~/.config
# is never touched. Child processes are new pwsh processes (Invoke-TestPwsh), with stdin closed so a
# prompt could never wait for input, and killed after a timeout.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:ModulePath = $Suite.ModulePath
    $script:Uri = $Suite.BaseUri

    function Get-Mode([string] $Path) { (& stat -c '%a' $Path).Trim() }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Stored key and limits (issue 4)' {
    BeforeEach {
        Reset-Emulator
        $script:Home4 = New-TestConfigurationHome
        Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue
        Remove-KonbiniApiKey
        Set-KonbiniConfiguration -BaseUri $Uri -CreditWarningThreshold 0
    }

    Context 'stored key file' {
        It 'round-trips across two fresh processes and charges the stored key' {
            $key = New-TestKey 'stored'
            $first = Invoke-TestPwsh -ImportModule "Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -Scope CurrentUser -BaseUri '$Uri'; 'stored'"
            $first.StdErr | Should -BeNullOrEmpty
            $first.ExitCode | Should -Be 0
            Join-Path $Home4 'apikey' | Should -Exist

            $second = Invoke-TestPwsh -ImportModule "(Get-KonbiniTikTokUser -Username roundtrip).Username; (Get-KonbiniConfiguration).ApiKeySource"
            $second.StdErr | Should -BeNullOrEmpty
            $second.ExitCode | Should -Be 0
            $second.StdOut | Should -Match 'roundtrip'
            $second.StdOut | Should -Match 'stored key file'
            Get-EmulatorCharged -Key $key | Should -Be 1
        }

        It 'creates the folder 0700 and the key and settings files 0600' {
            $key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            Get-Mode $Home4 | Should -Be '700'
            Get-Mode (Join-Path $Home4 'apikey') | Should -Be '600'
            Get-Mode (Join-Path $Home4 'settings.json') | Should -Be '600'
            (Get-Item $Home4).UnixMode | Should -Be 'drwx------'
            (Get-Item (Join-Path $Home4 'apikey')).UnixMode | Should -Be '-rw-------'
            (Get-Content -Raw (Join-Path $Home4 'apikey')).Trim() | Should -BeExactly $key
        }

        It 'repairs a key file widened to 0644 with exactly one warning, and does not warn again' {
            $key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            Remove-KonbiniApiKey
            chmod 644 (Join-Path $Home4 'apikey')

            $null = Get-KonbiniTikTokUser -Username perm1 -WarningVariable warned -WarningAction SilentlyContinue
            @($warned) | Should -HaveCount 1
            "$($warned[0])" | Should -Match '0644'
            "$($warned[0])" | Should -Match '0600'
            "$($warned[0])" | Should -Match ([regex]::Escape((Join-Path $Home4 'apikey')))
            Get-Mode (Join-Path $Home4 'apikey') | Should -Be '600'

            $null = Get-KonbiniTikTokUser -Username perm2 -WarningVariable again -WarningAction SilentlyContinue
            @($again) | Should -HaveCount 0
            Get-EmulatorCharged -Key $key | Should -Be 2
        }

        It 'narrows a configuration folder that already existed with wider permissions when it stores the key' {
            chmod 755 $Home4
            $key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            Get-Mode $Home4 | Should -Be '700'
            Get-Mode (Join-Path $Home4 'apikey') | Should -Be '600'
            Remove-KonbiniApiKey
            $null = Get-KonbiniTikTokUser -Username perm5 -WarningVariable warned -WarningAction SilentlyContinue
            @($warned) | Should -HaveCount 0
        }

        It 'repairs a folder widened to 0755 with exactly one warning' {
            $key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            Remove-KonbiniApiKey
            chmod 755 $Home4

            $null = Get-KonbiniTikTokUser -Username perm3 -WarningVariable warned -WarningAction SilentlyContinue
            @($warned) | Should -HaveCount 1
            "$($warned[0])" | Should -Match '0755'
            "$($warned[0])" | Should -Match '0700'
            Get-Mode $Home4 | Should -Be '700'
        }

        It 'repairs both a 0755 folder and a 0644 file, one warning for each, naming each path' {
            $key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            Remove-KonbiniApiKey
            chmod 755 $Home4
            chmod 644 (Join-Path $Home4 'apikey')

            $null = Get-KonbiniTikTokUser -Username perm4 -WarningVariable warned -WarningAction SilentlyContinue
            @($warned) | Should -HaveCount 2
            ($warned -join "`n") | Should -Match '0755'
            ($warned -join "`n") | Should -Match '0644'
            Get-Mode $Home4 | Should -Be '700'
            Get-Mode (Join-Path $Home4 'apikey') | Should -Be '600'
        }
    }

    Context 'removal' {
        BeforeEach {
            $script:Key = New-TestKey
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $Key) -Scope CurrentUser -BaseUri $Uri
            $script:KeyFile = Join-Path $Home4 'apikey'
        }

        It 'Remove-KonbiniApiKey forgets the session key only: the file remains and is used' {
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'session'
            Remove-KonbiniApiKey
            $KeyFile | Should -Exist
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'stored key file'
        }

        It '-Scope CurrentUser deletes the file; then no key is found' {
            Remove-KonbiniApiKey -Scope CurrentUser
            $KeyFile | Should -Not -Exist
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'nowhere'
            { Get-KonbiniTikTokUser -Username gone -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.MissingApiKey*'
            (Get-EmulatorStats).totalRequests | Should -Be 0
        }

        It '-WhatIf changes nothing' {
            Remove-KonbiniApiKey -Scope CurrentUser -WhatIf
            $KeyFile | Should -Exist
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'session'
            Remove-KonbiniApiKey -WhatIf
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'session'
        }
    }

    Context 'lookup order' {
        It '-ApiKey beats the session key, which beats KONBINI_API_KEY, which beats the stored key' {
            $param = New-TestKey 'param'
            $session = New-TestKey 'session'
            $environment = New-TestKey 'env'
            $stored = New-TestKey 'stored'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $stored) -Scope CurrentUser -BaseUri $Uri
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $session)
            $env:KONBINI_API_KEY = $environment
            try {
                $null = Get-KonbiniTikTokUser -Username order1 -ApiKey (ConvertTo-TestSecureString $param)
                Get-EmulatorCharged -Key $param | Should -Be 1
                ($session, $environment, $stored | ForEach-Object { Get-EmulatorCharged -Key $_ }) | Should -Be @(0, 0, 0)

                $null = Get-KonbiniTikTokUser -Username order2
                Get-EmulatorCharged -Key $session | Should -Be 1
                ($environment, $stored | ForEach-Object { Get-EmulatorCharged -Key $_ }) | Should -Be @(0, 0)

                Remove-KonbiniApiKey
                (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'KONBINI_API_KEY'
                $null = Get-KonbiniTikTokUser -Username order3
                Get-EmulatorCharged -Key $environment | Should -Be 1
                Get-EmulatorCharged -Key $stored | Should -Be 0

                Remove-Item Env:KONBINI_API_KEY
                $null = Get-KonbiniTikTokUser -Username order4
                Get-EmulatorCharged -Key $stored | Should -Be 1
                ($param, $session, $environment | ForEach-Object { Get-EmulatorCharged -Key $_ }) | Should -Be @(1, 1, 1)
            }
            finally { Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue }
        }
    }

    Context 'non-interactive' {
        It 'pwsh -NonInteractive with no key anywhere fails fast with KonbiniApi.MissingApiKey, no prompt, no request' {
            $child = Invoke-TestPwsh -ImportModule -TimeoutSeconds 60 @"
Set-KonbiniConfiguration -BaseUri '$Uri'
`$watch = [Diagnostics.Stopwatch]::StartNew()
try { Get-KonbiniTikTokUser -Username nokey; 'NO ERROR' }
catch { 'FQID=' + `$_.FullyQualifiedErrorId; 'MS=' + `$watch.ElapsedMilliseconds; 'MSG=' + `$_.Exception.Message }
"@
            $child.StdOut | Should -Match 'FQID=KonbiniApi\.MissingApiKey'
            $child.StdOut | Should -Not -Match 'NO ERROR'
            [int] ([regex]::Match($child.StdOut, 'MS=(\d+)').Groups[1].Value) | Should -BeLessThan 5000
            $child.StdOut | Should -Match 'No request was made'
            (Get-EmulatorStats).totalRequests | Should -Be 0
            @(Get-ChildItem $Home4 -ErrorAction SilentlyContinue) | Should -HaveCount 0
        }
    }

    Context 'ForEach-Object -Parallel' {
        It 'runspaces use the stored key, not the session key of the caller' {
            $stored = New-TestKey 'stored'
            $session = New-TestKey 'session'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $stored) -Scope CurrentUser -BaseUri $Uri
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $session)
            $names = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:ModulePath
                (Get-KonbiniTikTokUser -Username "par$_").Username
            }
            @($names) | Should -HaveCount 3
            Get-EmulatorCharged -Key $stored | Should -Be 3
            Get-EmulatorCharged -Key $session | Should -Be 0
        }

        It 'runspaces use KONBINI_API_KEY over the stored key' {
            $stored = New-TestKey 'stored'
            $environment = New-TestKey 'env'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $stored) -Scope CurrentUser -BaseUri $Uri
            $env:KONBINI_API_KEY = $environment
            try {
                $sources = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                    Import-Module $using:ModulePath
                    $null = Get-KonbiniTikTokUser -Username "penv$_"
                    (Get-KonbiniConfiguration).ApiKeySource
                }
            }
            finally { Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue }
            $sources | Should -Match 'KONBINI_API_KEY'
            Get-EmulatorCharged -Key $environment | Should -Be 2
            Get-EmulatorCharged -Key $stored | Should -Be 0
        }

        It 'a runspace with only the session key of the caller has no key (documented behaviour)' {
            $session = New-TestKey 'session'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $session)
            $ids = 1 | ForEach-Object -Parallel {
                Import-Module $using:ModulePath
                try { $null = Get-KonbiniTikTokUser -Username psess -ErrorAction Stop; 'NO ERROR' }
                catch { $_.FullyQualifiedErrorId }
            }
            $ids | Should -Match '^KonbiniApi\.MissingApiKey'
            Get-EmulatorCharged -Key $session | Should -Be 0
        }
    }

    Context 'Start-Job (a new pwsh process that inherits this process''s environment)' {
        BeforeAll {
            # Runs one lookup in a background job with the module imported; returns what the job printed:
            # SOURCE=<ApiKeySource>, then OK=<username> or FQID=<error id>.
            function Invoke-LookupJob([string] $Username) {
                $job = Start-Job -ArgumentList $ModulePath, $Username -ScriptBlock {
                    param($Module, $Name)
                    $ErrorActionPreference = 'Stop'
                    $ProgressPreference = 'SilentlyContinue'
                    Import-Module $Module
                    'SOURCE=' + (Get-KonbiniConfiguration).ApiKeySource
                    try { 'OK=' + (Get-KonbiniTikTokUser -Username $Name).Username }
                    catch { 'FQID=' + $_.FullyQualifiedErrorId }
                }
                try {
                    if (-not (Wait-Job $job -Timeout 60)) { throw 'The job did not finish within 60 s.' }
                    $job.State | Should -Be 'Completed'
                    @(Receive-Job $job) -join "`n"
                }
                finally { Remove-Job $job -Force }
            }
        }

        It 'a job uses the stored key (same KONBINI_CONFIG_HOME), not the session key of the caller' {
            $stored = New-TestKey 'jobstored'
            $session = New-TestKey 'jobsession'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $stored) -Scope CurrentUser -BaseUri $Uri
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $session)
            $out = Invoke-LookupJob 'jobuser1'
            $out | Should -Match 'SOURCE=.*stored key file'
            $out | Should -Match 'OK=jobuser1'
            Get-EmulatorCharged -Key $stored | Should -Be 1
            Get-EmulatorCharged -Key $session | Should -Be 0
        }

        It 'a job uses KONBINI_API_KEY of the caller''s environment over the stored key' {
            $stored = New-TestKey 'jobstored'
            $environment = New-TestKey 'jobenv'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $stored) -Scope CurrentUser -BaseUri $Uri
            $env:KONBINI_API_KEY = $environment
            try { $out = Invoke-LookupJob 'jobuser2' }
            finally { Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue }
            $out | Should -Match 'SOURCE=.*KONBINI_API_KEY'
            $out | Should -Match 'OK=jobuser2'
            Get-EmulatorCharged -Key $environment | Should -Be 1
            Get-EmulatorCharged -Key $stored | Should -Be 0
        }

        It 'a job with only the session key of the caller has no key: KonbiniApi.MissingApiKey, no request (documented behaviour)' {
            $session = New-TestKey 'jobsession'
            Set-KonbiniConfiguration -Scope CurrentUser -BaseUri $Uri
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $session)
            $out = Invoke-LookupJob 'jobuser3'
            $out | Should -Match 'SOURCE=.*nowhere'
            $out | Should -Match 'FQID=KonbiniApi\.MissingApiKey'
            Get-EmulatorCharged -Key $session | Should -Be 0
            (Get-EmulatorStats).totalRequests | Should -Be 0
        }
    }

    Context 'SecretManagement vault (fake module)' {
        BeforeAll {
            $script:FakeModules = Join-Path $TestDrive 'fake-modules'
            $fakeDir = Join-Path $FakeModules 'Microsoft.PowerShell.SecretManagement'
            $null = New-Item -ItemType Directory -Force $fakeDir
            Set-Content -Path (Join-Path $fakeDir 'Microsoft.PowerShell.SecretManagement.psd1') -Value @'
@{
    RootModule        = 'Microsoft.PowerShell.SecretManagement.psm1'
    ModuleVersion     = '99.0.0'
    GUID              = 'a1b2c3d4-0000-4000-8000-000000000004'
    FunctionsToExport = @('Set-Secret', 'Get-Secret', 'Remove-Secret')
}
'@
            Set-Content -Path (Join-Path $fakeDir 'Microsoft.PowerShell.SecretManagement.psm1') -Value @'
# A fake SecretManagement for tests: secrets live in the JSON file $env:FAKE_SECRET_STORE.
function Read-Store {
    if (Test-Path $env:FAKE_SECRET_STORE) { Get-Content -Raw $env:FAKE_SECRET_STORE | ConvertFrom-Json -AsHashtable } else { @{} }
}
function Write-Store($store) { $store | ConvertTo-Json -Depth 5 | Set-Content -Path $env:FAKE_SECRET_STORE }
function Set-Secret {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Name, [string] $Vault, [securestring] $SecureStringSecret)
    $store = Read-Store
    $store["$Vault/$Name"] = ConvertFrom-SecureString -SecureString $SecureStringSecret -AsPlainText
    Write-Store $store
}
function Get-Secret {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Name, [string] $Vault)
    $store = Read-Store
    if (-not $store.ContainsKey("$Vault/$Name")) { Write-Error "Get-Secret: secret $Name was not found in vault $Vault."; return }
    ConvertTo-SecureString -String $store["$Vault/$Name"] -AsPlainText -Force
}
function Remove-Secret {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Name, [string] $Vault)
    $store = Read-Store
    if (-not $store.ContainsKey("$Vault/$Name")) { Write-Error "Remove-Secret: secret $Name was not found in vault $Vault."; return }
    $store.Remove("$Vault/$Name")
    Write-Store $store
}
'@
        }

        It 'stores in the vault (no key file), a new process uses it, Remove -Scope CurrentUser removes it' {
            $key = New-TestKey 'vault'
            $storeFile = Join-Path $Home4 '..' | Join-Path -ChildPath ('secrets-' + [guid]::NewGuid().ToString('N') + '.json')
            $childEnv = @{
                PSModulePath      = $FakeModules + [IO.Path]::PathSeparator + $env:PSModulePath
                FAKE_SECRET_STORE = $storeFile
            }

            $set = Invoke-TestPwsh -ImportModule -Environment $childEnv "Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -Scope CurrentUser -Vault Fake -BaseUri '$Uri'"
            $set.StdErr | Should -BeNullOrEmpty
            $set.ExitCode | Should -Be 0
            Join-Path $Home4 'apikey' | Should -Not -Exist
            (Get-Content -Raw $storeFile | ConvertFrom-Json -AsHashtable)['Fake/KonbiniApiKey'] | Should -BeExactly $key
            (Get-Content -Raw (Join-Path $Home4 'settings.json') | ConvertFrom-Json).vault | Should -Be 'Fake'

            $use = Invoke-TestPwsh -ImportModule -Environment $childEnv "(Get-KonbiniTikTokUser -Username vaultuser).Username; (Get-KonbiniConfiguration).ApiKeySource"
            $use.StdErr | Should -BeNullOrEmpty
            $use.StdOut | Should -Match 'vaultuser'
            $use.StdOut | Should -Match "vault 'Fake'"
            Get-EmulatorCharged -Key $key | Should -Be 1

            $remove = Invoke-TestPwsh -ImportModule -Environment $childEnv "Remove-KonbiniApiKey -Scope CurrentUser; (Get-KonbiniConfiguration).ApiKeySource"
            $remove.StdErr | Should -BeNullOrEmpty
            $remove.StdOut | Should -Match 'nowhere'
            @((Get-Content -Raw $storeFile | ConvertFrom-Json -AsHashtable).Keys) | Should -Not -Contain 'Fake/KonbiniApiKey'
            (Get-Content -Raw (Join-Path $Home4 'settings.json') | ConvertFrom-Json).PSObject.Properties['vault'] | Should -BeNullOrEmpty
        }

        It 'without SecretManagement installed, -Vault gives a clear error and stores nothing' {
            if (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement) {
                Set-ItResult -Skipped -Because 'the real SecretManagement is installed here'
                return
            }
            $key = New-TestKey 'novault'
            $failure = { Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -Vault Fake -BaseUri $Uri -ErrorAction Stop } |
                Should -Throw -ErrorId 'KonbiniApi.KeyNotStored*' -PassThru
            "$failure" | Should -Match 'SecretManagement'
            "$failure" | Should -Match 'not installed'
            Join-Path $Home4 'apikey' | Should -Not -Exist
            (Get-KonbiniConfiguration).ApiKeySource | Should -Match 'nowhere'
        }
    }

    Context '-MaxCredits' {
        AfterEach { Set-EmulatorConfig -Settings @{ latencyMs = 0 } }

        It 'charges at most 7 of 20 concurrent lookups, writes what was fetched, and says how many were not processed' {
            Set-EmulatorConfig -Settings @{ latencyMs = 100; jitterMs = 0 }
            $key = New-TestKey 'max'
            $names = 1..20 | ForEach-Object { "maxuser$_" }
            $fetched = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                Get-KonbiniTikTokUser -Username $names -ApiKey (ConvertTo-TestSecureString $key) -ThrottleLimit 20 -MaxCredits 7 -ErrorAction Stop |
                    ForEach-Object { $fetched.Add($_) }
            }
            catch { $caught = $_ }

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached*'
            $caught.CategoryInfo.Category | Should -Be 'QuotaExceeded'
            $charged = Get-EmulatorCharged -Key $key
            $charged | Should -BeLessOrEqual 7
            $charged | Should -BeGreaterThan 0
            $fetched.Count | Should -Be $charged
            $notProcessed = 20 - $fetched.Count
            "$caught" | Should -Match "$notProcessed of the 20 inputs were not processed"
            (Get-EmulatorStats).maxInFlight | Should -BeLessOrEqual 7
        }

        It '-OutVariable keeps the objects written before the terminating error' {
            $key = New-TestKey 'maxov'
            try { Get-KonbiniTikTokUser -Username ov1, ov2, ov3, ov4 -ApiKey (ConvertTo-TestSecureString $key) -MaxCredits 2 -OutVariable got -ErrorAction Stop | Out-Null }
            catch { $script:err = $_ }
            @($got) | Should -HaveCount 2
            $err.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached*'
            Get-EmulatorCharged -Key $key | Should -Be 2
        }

        It 'reads the rest of piped input after the stop, without requests, and lists every unprocessed input in order' {
            $key = New-TestKey 'maxpipe'
            $names = 1..30 | ForEach-Object { "pipe$_" }
            $fetched = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                $names | Get-KonbiniTikTokUser -ApiKey (ConvertTo-TestSecureString $key) -ThrottleLimit 4 -MaxCredits 5 -ErrorAction Stop |
                    ForEach-Object { $fetched.Add($_) }
            }
            catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached*'
            $fetched.Count | Should -Be 5
            Get-EmulatorCharged -Key $key | Should -Be 5
            (Get-EmulatorStats).totalRequests | Should -Be 5
            $left = @($caught.Exception.UnprocessedInputs)
            $left | Should -HaveCount 25
            ($fetched.Username + $left) -join ',' | Should -Be ($names -join ',')
            "$caught" | Should -Match '25 of the 30 inputs were not processed'
        }

        It 'counts attempts that ended without a credit report as possible charges' {
            $key = New-TestKey 'maxreset'
            $caught = $null
            $fetched = [System.Collections.Generic.List[object]]::new()
            Set-KonbiniConfiguration -RetryCount 1
            try {
                Get-KonbiniTikTokUser -Username 'emu.fault.reset', 'after1', 'after2' -ApiKey (ConvertTo-TestSecureString $key) -ThrottleLimit 1 -MaxCredits 2 -ErrorAction SilentlyContinue |
                    ForEach-Object { $fetched.Add($_) }
            }
            catch { $caught = $_ }
            finally { Set-KonbiniConfiguration -RetryCount 3 }

            # Two reset attempts may each have been charged by a real service: the limit of 2 is used up.
            $fetched.Count | Should -Be 0
            $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached*'
            "$caught" | Should -Match '2 attempts that ended without a credit report'
            "$caught" | Should -Match '2 of the 3 inputs were not processed'
            (Get-EmulatorStats).totalRequests | Should -Be 2
        }

        It 'counts a charged not-found answer against the limit' {
            $key = New-TestKey 'maxnf'
            $fetched = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                Get-KonbiniTikTokUser -Username 'emu.notfound', nf1, nf2, nf3 -ApiKey (ConvertTo-TestSecureString $key) -ThrottleLimit 1 -MaxCredits 2 -ErrorVariable errs -ErrorAction Continue 2>$null |
                    ForEach-Object { $fetched.Add($_) }
            }
            catch { $caught = $_ }
            Get-EmulatorCharged -Key $key | Should -Be 2
            $fetched.Count | Should -Be 1
            @($errs | Where-Object FullyQualifiedErrorId -Like 'KonbiniApi.NotFound*') | Should -HaveCount 1
            $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached*'
            "$caught" | Should -Match '2 of the 4 inputs were not processed'
        }
    }

    Context 'credit warning threshold' {
        It 'warns exactly once across several calls when the balance is below the threshold' {
            $key = New-TestKey 'low' 50
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key)
            Set-KonbiniConfiguration -CreditWarningThreshold 1000
            $all = foreach ($n in 1..3) {
                $null = Get-KonbiniTikTokUser -Username "low$n" -WarningVariable w -WarningAction SilentlyContinue
                $w
            }
            $lowWarnings = @($all | Where-Object { "$_" -match 'running low' })
            $lowWarnings | Should -HaveCount 1
            "$($lowWarnings[0])" | Should -Match '1,000'
            Get-EmulatorCharged -Key $key | Should -Be 3
        }

        It 'warns exactly once in one call of 12 concurrent lookups, every one of them below the threshold' {
            $key = New-TestKey 'low12' 50
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key)
            Set-KonbiniConfiguration -CreditWarningThreshold 1000
            $users = Get-KonbiniTikTokUser -Username (1..12 | ForEach-Object { "lowtwelve$_" }) -ThrottleLimit 12 -WarningVariable w -WarningAction SilentlyContinue
            @($users) | Should -HaveCount 12
            @($w | Where-Object { "$_" -match 'running low' }) | Should -HaveCount 1
            @($w) | Should -HaveCount 1
            Get-EmulatorCharged -Key $key | Should -Be 12
        }
    }

    Context 'configuration' {
        It 'refuses <Name> and changes nothing' -ForEach @(
            @{ Name = 'TimeoutSec 0'; Splat = @{ TimeoutSec = 0 } }
            @{ Name = 'TimeoutSec -1'; Splat = @{ TimeoutSec = -1 } }
            @{ Name = 'TimeoutSec 3601'; Splat = @{ TimeoutSec = 3601 } }
            @{ Name = 'RetryCount -1'; Splat = @{ RetryCount = -1 } }
            @{ Name = 'RetryCount 11'; Splat = @{ RetryCount = 11 } }
            @{ Name = 'ThrottleLimit 0'; Splat = @{ ThrottleLimit = 0 } }
            @{ Name = 'ThrottleLimit 257'; Splat = @{ ThrottleLimit = 257 } }
            @{ Name = 'CreditWarningThreshold -1'; Splat = @{ CreditWarningThreshold = -1 } }
            @{ Name = 'BaseUri ftp'; Splat = @{ BaseUri = 'ftp://x' } }
            @{ Name = 'BaseUri relative'; Splat = @{ BaseUri = 'relative/path' } }
            @{ Name = 'BaseUri plain http non-loopback'; Splat = @{ BaseUri = 'http://example.com' } }
            @{ Name = 'Proxy ftp'; Splat = @{ Proxy = 'ftp://p' } }
            @{ Name = 'ProxyCredential without Proxy'; Splat = @{ ProxyCredential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)) } }
            @{ Name = 'valid timeout with a bad BaseUri'; Splat = @{ TimeoutSec = 99; BaseUri = 'http://example.com' } }
        ) {
            $before = Get-KonbiniConfiguration | ConvertTo-Json -Depth 3
            $savedBefore = Get-KonbiniConfiguration -Scope CurrentUser | ConvertTo-Json -Depth 3
            $errors = $null
            try { Set-KonbiniConfiguration @Splat -ErrorAction SilentlyContinue -ErrorVariable errors }
            catch { $errors = @($_) }
            @($errors).Count | Should -BeGreaterThan 0
            Get-KonbiniConfiguration | ConvertTo-Json -Depth 3 | Should -Be $before
            try { Set-KonbiniConfiguration @Splat -Scope CurrentUser -ErrorAction SilentlyContinue } catch { $null = $_ }
            Get-KonbiniConfiguration -Scope CurrentUser | ConvertTo-Json -Depth 3 | Should -Be $savedBefore
            Join-Path $Home4 'settings.json' | Should -Not -Exist
        }

        It '-Scope CurrentUser saves settings.json 0600 and a new process starts with it' {
            Set-KonbiniConfiguration -Scope CurrentUser -TimeoutSec 42 -RetryCount 3 -ThrottleLimit 5 -BaseUri $Uri
            $file = Join-Path $Home4 'settings.json'
            Get-Mode $file | Should -Be '600'
            Get-Mode $Home4 | Should -Be '700'
            $child = Invoke-TestPwsh -ImportModule 'Get-KonbiniConfiguration | ConvertTo-Json -Depth 3'
            $child.StdErr | Should -BeNullOrEmpty
            $shown = $child.StdOut | ConvertFrom-Json
            $shown.TimeoutSec | Should -Be 42
            $shown.RetryCount | Should -Be 3
            $shown.ThrottleLimit | Should -Be 5
            "$($shown.BaseUri)".TrimEnd('/') | Should -Be $Uri
        }

        It 'a corrupt settings.json gives a warning and the defaults' {
            $null = New-Item -ItemType Directory $Home4
            Set-Content -Path (Join-Path $Home4 'settings.json') -Value '{ "timeoutSec": 42, oops'
            $child = Invoke-TestPwsh -ImportModule 'Get-KonbiniConfiguration 3>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.WarningRecord]) { "WARNING: $_" } else { "TIMEOUT=$($_.TimeoutSec)" } }'
            $child.StdOut | Should -Match 'WARNING: .*settings\.json.*cannot be read'
            $child.StdOut | Should -Match 'TIMEOUT=30'
        }

        It 'Get-KonbiniConfiguration never shows the key; ApiKeySource says where it is from' {
            $key = New-TestKey 'cfgshow'
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri
            $shown = Get-KonbiniConfiguration
            $shown.ApiKeySource | Should -Match 'session'
            ($shown | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($key))
            ($shown | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($key))
            (Get-KonbiniConfiguration -Scope CurrentUser | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($key))
            (Get-Content -Raw (Join-Path $Home4 'settings.json')) | Should -Not -Match ([regex]::Escape($key))
        }
    }

    Context 'the key appears nowhere' {
        It 'no stream, returned object or error record contains the key' {
            $key = 'knbn_secret_' + [guid]::NewGuid().ToString('N')
            Set-EmulatorKey -Key $key -Credits 5
            $unknown = 'knbn_secret_' + [guid]::NewGuid().ToString('N')
            $Error.Clear()
            $returned = [System.Collections.Generic.List[object]]::new()
            # Each call in its own try: a terminating error (bad key, -MaxCredits) must not skip the rest.
            $transcript = & {
                try { Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $key) -Scope CurrentUser -BaseUri $Uri -Verbose } catch { $_ }
                try { Set-KonbiniApiKey -ApiKey $key -WhatIf -Verbose } catch { $_ }
                try { Get-KonbiniConfiguration -Verbose } catch { $_ }
                try { Get-KonbiniConfiguration -Scope CurrentUser -Verbose } catch { $_ }
                try { Set-KonbiniConfiguration -TimeoutSec 31 -PassThru -Verbose } catch { $_ }
                try { Set-KonbiniConfiguration -BaseUri 'http://example.com' -Verbose -ErrorAction Continue } catch { $_ }
                try { Get-KonbiniTikTokUser -Username nowhere1, 'emu.notfound' -Verbose -ErrorAction Continue } catch { $_ }
                try { Get-KonbiniCredit -Verbose -ErrorAction Continue } catch { $_ }
                try { Remove-KonbiniApiKey -Verbose } catch { $_ }
                try { Get-KonbiniTikTokUser -Username nowhere2 -Verbose -ErrorAction Continue } catch { $_ }
                try { Get-KonbiniTikTokUser -Username nowhere3 -ApiKey $unknown -Verbose -ErrorAction Continue } catch { $_ }
                try { Get-KonbiniTikTokUser -Username nowhere4, nowhere5, nowhere6 -MaxCredits 1 -Verbose -ErrorAction Continue } catch { $_ }
                try { Remove-KonbiniApiKey -Scope CurrentUser -Verbose } catch { $_ }
                try { Get-KonbiniTikTokUser -Username nowhere7 -ApiKey 'not-a-knbn-key' -Verbose -ErrorAction Stop } catch { $_ }
            } *>&1 | ForEach-Object { $returned.Add($_); $_ } | Out-String

            $escaped = [regex]::Escape($key)
            @($returned | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
            @($returned | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -BeGreaterThan 0
            $transcript += ($returned | ForEach-Object { "$_" }) -join "`n"
            $transcript | Should -Not -Match $escaped
            $transcript | Should -Not -Match ([regex]::Escape($unknown))
            ($returned | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue) | Should -Not -Match $escaped
            $errorText = $Error | Format-List * -Force | Out-String
            $errorText += $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String; $_.Exception.InnerException | Format-List * -Force | Out-String }
            $Error.Count | Should -BeGreaterThan 0
            $errorText | Should -Not -Match $escaped
            $errorText | Should -Not -Match ([regex]::Escape($unknown))
            Get-EmulatorCharged -Key $key | Should -BeGreaterThan 0
        }
    }
}
