#Requires -Version 7.0
# End-to-end tests of Set-KonbiniApiKey (SecureString, PSCredential, plain text, -BaseUri, insecure
# addresses), the order in which keys are chosen, Get-KonbiniCredit's figures against the emulator's
# ledger, and the Verbose line every request writes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Emulator = (Start-TestSuite -Key 'knbn_emulator').Emulator

    # Keys with different balances, so the emulator's ledger tells which one a request used.
    Set-EmulatorKey -Key 'knbn_param' -Credits 100
    Set-EmulatorKey -Key 'knbn_session' -Credits 200
    Set-EmulatorKey -Key 'knbn_env' -Credits 300

    function Get-UsedKey {
        # The keys the emulator saw, in arrival order.
        @(Get-EmulatorRequests).key
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Set-KonbiniApiKey' {
    BeforeEach {
        Reset-Emulator
    }

    AfterEach {
        Use-TestEmulator $Emulator
    }

    It 'takes a SecureString without a warning' {
        Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_session') -WarningVariable warnings
        $warnings | Should -HaveCount 0
        $null = Get-KonbiniTikTokUser 'setsecure'
        Get-UsedKey | Should -Be @('knbn_session')
        (Get-EmulatorStats).balances.knbn_session | Should -Be 199
    }

    It 'takes a PSCredential whose password is the key' {
        $credential = [pscredential]::new('ignored-user', (ConvertTo-TestSecureString 'knbn_param'))
        Set-KonbiniApiKey -Credential $credential -WarningVariable warnings
        $warnings | Should -HaveCount 0
        $null = Get-KonbiniTikTokUser 'setcredential'
        Get-UsedKey | Should -Be @('knbn_param')
    }

    It 'takes a plain string with a warning about plain text' {
        Set-KonbiniApiKey -ApiKey 'knbn_env' -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match 'plain text'
        $warnings[0].Message | Should -Not -Match 'knbn_env'
        $null = Get-KonbiniTikTokUser 'setplain'
        Get-UsedKey | Should -Be @('knbn_env')
    }

    It 'does not warn about plain text for a SecureString after a call that took -ApiKey as a string' {
        $null = Get-KonbiniTikTokUser 'stalewarning' -ApiKey 'knbn_param'
        Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_session') -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 0
    }

    It 'writes the plain-text warning to the warning stream (3>&1)' {
        $stream = Set-KonbiniApiKey -ApiKey 'knbn_env' 3>&1
        @($stream | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -HaveCount 1
    }

    It 'sends requests to -BaseUri' {
        $second = Start-TestEmulator
        try {
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_emulator') -BaseUri $second.BaseUri
            $null = Get-KonbiniTikTokUser 'otherserver'
            ($second | Get-EmulatorStats).totalRequests | Should -Be 1
            (Get-EmulatorStats -BaseUri $Emulator.BaseUri).totalRequests | Should -Be 0
        }
        finally {
            $second | Stop-TestEmulator
        }
    }

    It 'refuses plain http to <Uri> and changes nothing' -ForEach @(
        @{ Uri = 'http://konbini.example.invalid' }
        @{ Uri = 'http://10.1.2.3:5099' }
    ) {
        $caught = $null
        try {
            Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_param') -BaseUri $Uri
        }
        catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InsecureTransport,*'
        $caught.CategoryInfo.Category | Should -Be 'SecurityError'
        $caught.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        # Neither the key nor the address changed: the next lookup still goes to the emulator with the old key.
        $null = Get-KonbiniTikTokUser 'afterrefusal'
        Get-UsedKey | Should -Be @('knbn_emulator')
    }

    It 'never sends the key over plain http to a remote address set with Set-KonbiniConfiguration' {
        if (-not (Get-Command Set-KonbiniConfiguration -ErrorAction Ignore)) {
            Set-ItResult -Skipped -Because 'the module has no Set-KonbiniConfiguration'
            return
        }
        $run = Invoke-InNewRunspace {
            $configured = $null
            try { Set-KonbiniConfiguration -BaseUri 'http://konbini.example.invalid' } catch { $configured = $_ }
            $lookup = $null
            # Only when the address was taken: otherwise the session still points at the real service.
            if (-not $configured) {
                try { Get-KonbiniTikTokUser 'insecure' -ApiKey 'knbn_param' } catch { $lookup = $_ }
            }
            [pscustomobject]@{ Configured = $configured; Lookup = $lookup; Credit = Get-KonbiniCredit }
        }
        $result = $run.Output[0]
        if ($null -eq $result.Configured) {
            # Accepted as an address (no key goes with configuration), so the lookup must refuse it.
            $result.Lookup | Should -Not -BeNullOrEmpty
            $result.Lookup.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InsecureTransport,*'
            $result.Lookup.CategoryInfo.Category | Should -Be 'SecurityError'
        }
        else {
            $result.Configured.CategoryInfo.Category | Should -BeIn @('SecurityError', 'InvalidArgument')
            $result.Configured.Exception.Message | Should -Match 'plain http'
        }
        $result.Credit.Requests | Should -Be 0
    }

    It 'accepts plain http to a loopback address' {
        $uri = 'http://localhost:{0}' -f $Emulator.Port
        { Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_emulator') -BaseUri $uri } | Should -Not -Throw
        (Get-KonbiniTikTokUser 'viaLocalhost').Username | Should -Be 'vialocalhost'
    }

    It 'refuses a key with white space in it' {
        { Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_has space') -WarningAction SilentlyContinue } | Should -Throw
    }
}

Describe 'Which key a call uses' {
    BeforeEach {
        Reset-Emulator
        $script:SavedEnvKey = $env:KONBINI_API_KEY
    }

    AfterEach {
        $env:KONBINI_API_KEY = $SavedEnvKey
        Use-TestEmulator $Emulator
    }

    It 'uses -ApiKey before the session key before $env:KONBINI_API_KEY' {
        $env:KONBINI_API_KEY = 'knbn_env'
        Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString 'knbn_session')

        $null = Get-KonbiniTikTokUser 'orderone'
        $null = Get-KonbiniTikTokUser 'ordertwo' -ApiKey (ConvertTo-TestSecureString 'knbn_param')
        $null = Get-KonbiniTikTokUser 'orderthree' -ApiKey 'knbn_param'

        Get-UsedKey | Should -Be @('knbn_session', 'knbn_param', 'knbn_param')
        $balances = (Get-EmulatorStats).balances
        $balances.knbn_param | Should -Be 98
        $balances.knbn_session | Should -Be 199
        $balances.knbn_env | Should -Be 300
    }

    It 'takes -ApiKey as a PSCredential' {
        $credential = [pscredential]::new('x', (ConvertTo-TestSecureString 'knbn_param'))
        $null = Get-KonbiniTikTokUser 'credparam' -ApiKey $credential
        Get-UsedKey | Should -Be @('knbn_param')
    }

    It 'uses $env:KONBINI_API_KEY when there is no other key' {
        if (-not (Get-Command Set-KonbiniConfiguration -ErrorAction Ignore)) {
            # Without it the only way to point a session at the emulator is Set-KonbiniApiKey -BaseUri,
            # which also sets a session key, so a fresh session would call the real service.
            Set-ItResult -Skipped -Because 'the module has no Set-KonbiniConfiguration to set the base URI without setting a session key'
            return
        }
        $env:KONBINI_API_KEY = 'knbn_env'
        $run = Invoke-InNewRunspace -ArgumentList $Emulator.BaseUri {
            param($BaseUri)
            Set-KonbiniConfiguration -BaseUri $BaseUri
            Get-KonbiniTikTokUser 'fromenv'
            Get-KonbiniCredit
        }
        $run.Failure | Should -BeNullOrEmpty
        $run.Errors | Should -HaveCount 0
        Get-UsedKey | Should -Be @('knbn_env')
        $run.Output[1].Remaining | Should -Be 299
    }
}

Describe 'Get-KonbiniCredit' {
    BeforeEach {
        Reset-Emulator
        # Figures are kept per account (key), so each test gets an account of its own.
        $script:CreditKey = 'knbn_credit_' + [guid]::NewGuid().ToString('N')
        Set-EmulatorKey -Key $CreditKey -Credits 1000000
        Use-TestEmulator $Emulator -Key $CreditKey
    }

    It 'says the balance is unknown before any request' {
        $credit = Get-KonbiniCredit
        $credit | Should -BeOfType ([KonbiniApi.Models.CreditBalance])
        $credit.IsKnown | Should -BeFalse
        $credit.Remaining | Should -BeNullOrEmpty
        $credit.Charged | Should -Be 0
        $credit.Requests | Should -Be 0
        ($credit | Format-List | Out-String) | Should -Match 'unknown'
        (Get-EmulatorStats).totalRequests | Should -Be 0
    }

    It 'says the balance is unknown in a new session' {
        $run = Invoke-InNewRunspace { Get-KonbiniCredit }
        $run.Output[0].IsKnown | Should -BeFalse
        $run.Output[0].Remaining | Should -BeNullOrEmpty
    }

    It 'matches the emulator''s ledger after requests: charged, refunded and requests add up' {
        # One lookup alone first: its answer is exact, and the concurrent ones after it are counted
        # from there, whatever order their answers arrive in.
        $null = Get-KonbiniTikTokUser 'credzero'
        $null = Get-KonbiniTikTokUser 'credone', 'credtwo', 'credthree', 'emu.notfound', 'emu.invalid' -ErrorAction SilentlyContinue
        $credit = Get-KonbiniCredit
        $stats = Get-EmulatorStats
        $credit.IsKnown | Should -BeTrue
        $credit.Remaining | Should -Be $stats.balances.$CreditKey
        $credit.Remaining | Should -Be (1000000 - 5)
        $credit.Charged | Should -Be $stats.creditsCharged.$CreditKey
        $credit.Charged | Should -Be 5
        $credit.Refunded | Should -Be 1
        $credit.Requests | Should -Be 6
        $credit.Requests | Should -Be $stats.totalRequests
        $credit.LastSeen | Should -BeOfType ([datetime])
    }

    It 'counts every call of the session' {
        $null = Get-KonbiniTikTokUser 'sessone'
        $null = Get-KonbiniTikTokUser 'sesstwo', 'emu.notfound' -ErrorAction SilentlyContinue
        $credit = Get-KonbiniCredit
        $credit.Charged | Should -Be 3
        $credit.Requests | Should -Be 3
        $credit.Remaining | Should -Be (Get-EmulatorStats).balances.$CreditKey
    }

    It 'keeps each key''s figures apart: a call with -ApiKey never changes the session key''s balance' {
        Set-EmulatorKey -Key 'knbn_small_account' -Credits 50
        $null = Get-KonbiniTikTokUser 'apartone'
        $null = Get-KonbiniTikTokUser 'aparttwo', 'apartthree' -ApiKey (ConvertTo-SecureString 'knbn_small_account' -AsPlainText -Force)
        $session = Get-KonbiniCredit
        $session.Remaining | Should -Be (1000000 - 1)
        $session.Charged | Should -Be 1
        $other = Get-KonbiniCredit -ApiKey (ConvertTo-SecureString 'knbn_small_account' -AsPlainText -Force)
        $other.Remaining | Should -Be 48
        $other.Charged | Should -Be 2
    }

    It 'says nothing is known when no key is set anywhere' {
        $saved = $env:KONBINI_API_KEY
        Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue
        try { $run = Invoke-InNewRunspace { Get-KonbiniCredit -Verbose } }
        finally { if ($saved) { $env:KONBINI_API_KEY = $saved } }
        $run.Output[0].IsKnown | Should -BeFalse
        ($run.Verbose | ForEach-Object Message) -join ' ' | Should -Match 'No API key is set'
    }

    It 'reports the balance of the key used' {
        $small = 'knbn_balance_' + [guid]::NewGuid().ToString('N')
        Set-EmulatorKey -Key $small -Credits 200
        Use-TestEmulator $Emulator -Key $small
        $null = Get-KonbiniTikTokUser 'balone', 'baltwo'
        (Get-KonbiniCredit).Remaining | Should -Be 198
        (Get-EmulatorStats).balances.$small | Should -Be 198
    }

    It 'does not make a request' {
        $null = Get-KonbiniCredit
        $null = Get-KonbiniCredit
        (Get-EmulatorStats).totalRequests | Should -Be 0
    }
}

Describe 'Verbose output of requests' {
    BeforeEach {
        Reset-Emulator
        Use-TestEmulator $Emulator
    }

    It 'shows method, path, status, credits used and remaining for each request' {
        $names = 'verbone', 'verbtwo', 'emu.notfound', 'emu.invalid'
        $stream = Get-KonbiniTikTokUser $names -Verbose -ErrorAction SilentlyContinue 4>&1
        $lines = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $expected = @{ verbone = '200'; verbtwo = '200'; 'emu.notfound' = '404'; 'emu.invalid' = '400' }
        foreach ($name in $names) {
            $line = @($lines | Where-Object { $_ -match "^GET /v1/tiktok/users/$([regex]::Escape($name)) " })
            $line | Should -HaveCount 1 -Because "one request line for $name"
            $line[0] | Should -Match "-> $($expected[$name]) "
            $line[0] | Should -Match 'credits used [01]\b'
            $line[0] | Should -Match 'remaining [\d,]+'
        }
        @($lines -match 'emu\.invalid.*credits used 0') | Should -HaveCount 1
        @($lines -match 'emu\.notfound.*credits used 1') | Should -HaveCount 1
        # The lowest balance reported is the emulator's balance now.
        $remaining = $lines | ForEach-Object { if ($_ -match 'remaining ([\d,]+)') { [long] ($Matches[1] -replace ',') } }
        ($remaining | Measure-Object -Minimum).Minimum | Should -Be (Get-EmulatorStats).balances.knbn_emulator
    }

    It 'never shows the key' {
        $stream = Get-KonbiniTikTokUser 'verbkey' -ApiKey 'knbn_session' -Verbose 4>&1
        $text = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
        $text | Should -Match 'the -ApiKey parameter'
        $text | Should -Not -Match 'knbn_session'
    }
}
