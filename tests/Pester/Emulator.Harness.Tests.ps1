#Requires -Version 7.0
# Checks the test harness itself (tests/Pester/KonbiniTest.psd1, its emulator part Emulator.psm1) against
# the built emulator, so a broken harness shows up here and not as puzzling failures in the module's own
# suites.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Emulator = Start-TestEmulator
    $script:Auth = @{ Authorization = 'Bearer knbn_emulator' }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Emulator test harness' {
    BeforeEach {
        Reset-Emulator
    }

    It 'starts the emulator on a loopback port and returns its base URI and process' {
        $Emulator.BaseUri | Should -Match '^http://127\.0\.0\.1:\d+$'
        $Emulator.Port | Should -BeGreaterThan 0
        $Emulator.Process.HasExited | Should -BeFalse -Because 'the emulator runs until Stop-TestEmulator'
    }

    It 'reads /_emulator/stats' {
        $stats = Get-EmulatorStats
        $stats.PSObject.Properties.Name | Should -Contain 'totalRequests'
        $stats.PSObject.Properties.Name | Should -Contain 'creditsCharged'
        $stats.totalRequests | Should -Be 0
    }

    It 'serves a TikTok user as an ActivityStreams Person and charges one credit' {
        $before = (Get-EmulatorStats).balances.knbn_emulator
        $response = Invoke-RestMethod -Uri "$($Emulator.BaseUri)/v1/tiktok/users/abc" -Headers $Auth -ResponseHeadersVariable headers
        $response.data.type | Should -Be 'Person'
        $response.data.preferredUsername | Should -Be 'abc'
        "$($headers['X-Credits-Used'])" | Should -Be '1'

        $stats = Get-EmulatorStats
        $stats.creditsCharged.knbn_emulator | Should -Be 1
        $stats.balances.knbn_emulator | Should -Be ($before - 1)
        $requests = @(Get-EmulatorRequests)
        $requests | Where-Object path -EQ '/v1/tiktok/users/abc' | Should -HaveCount 1
    }

    It 'reset clears the ledger and the request log' {
        $null = Invoke-RestMethod -Uri "$($Emulator.BaseUri)/v1/tiktok/users/abc" -Headers $Auth
        (Get-EmulatorStats).creditsCharged.knbn_emulator | Should -Be 1

        Reset-Emulator

        $stats = Get-EmulatorStats
        $stats.totalRequests | Should -Be 0
        [long] ($stats.creditsCharged.PSObject.Properties['knbn_emulator'].Value) | Should -Be 0
        @(Get-EmulatorRequests) | Should -HaveCount 0
    }

    It 'Set-EmulatorKey adds a key with the given balance' {
        Set-EmulatorKey -Key 'knbn_harness' -Credits 2
        $headers = @{ Authorization = 'Bearer knbn_harness' }

        $null = Invoke-RestMethod -Uri "$($Emulator.BaseUri)/v1/tiktok/users/abc" -Headers $headers -ResponseHeadersVariable seen
        "$($seen['X-Credits-Remaining'])" | Should -Be '1'
        (Get-EmulatorStats).balances.knbn_harness | Should -Be 1
    }

    It 'Set-EmulatorConfig changes the runtime configuration' {
        try {
            Set-EmulatorConfig -Settings @{ latencyMs = 25; jitterMs = 0 }
            (Get-EmulatorConfig).latencyMs | Should -Be 25
        }
        finally {
            Set-EmulatorConfig -Settings @{ latencyMs = 0 }
        }
    }

    It 'binds the base URI from an emulator object on the pipeline' {
        ($Emulator | Get-EmulatorStats).totalRequests | Should -Be 0
    }
}

Describe 'Emulator process lifetime' {
    It 'runs a second emulator beside the first and stops only that one' {
        $second = Start-TestEmulator -Arguments '--seed', '7'
        try {
            $second.BaseUri | Should -Not -Be $Emulator.BaseUri
            ($second | Get-EmulatorStats).totalRequests | Should -Be 0
        }
        finally {
            $processId = $second.Process.Id
            $second | Stop-TestEmulator
        }
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Emulator.Process.HasExited | Should -BeFalse -Because 'stopping the second emulator leaves the first running'
    }

    It 'reports a missing emulator dll clearly' {
        { Start-TestEmulator -Path (Join-Path $TestDrive 'missing.dll') } | Should -Throw '*not found*'
    }

    It 'fails with the exit code when the emulator cannot start' {
        $bogus = Join-Path $TestDrive 'bogus.dll'
        Set-Content -Path $bogus -Value 'not an assembly'
        { Start-TestEmulator -Path $bogus } | Should -Throw '*exited with code*'
    }
}
