#Requires -Version 7.0
# End-to-end tests of how Get-KonbiniTikTokUser reports every failure the emulator can produce: the
# ErrorRecord (ErrorId, category, target, advice), the exception's details, which failures end the call,
# which are retried, and that the key never shows up in an error.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Emulator = (Start-TestSuite -Key 'knbn_emulator').Emulator

    # Runs one call; returns its output, its non-terminating errors and its terminating error (or $null).
    function Invoke-Lookup {
        param([string[]] $Names, [hashtable] $With = @{})
        $problems = $null
        $terminating = $null
        # Collected as they come, so that results written before a terminating error are kept.
        $output = [System.Collections.Generic.List[object]]::new()
        try {
            Get-KonbiniTikTokUser -Username $Names @With -ErrorVariable problems -ErrorAction SilentlyContinue | ForEach-Object { $output.Add($_) }
        }
        catch {
            $terminating = $_
        }
        $nonTerminating = @($problems | Where-Object { -not [object]::ReferenceEquals($_, $terminating) -and $_ -is [System.Management.Automation.ErrorRecord] })
        if ($terminating) {
            $nonTerminating = @($nonTerminating | Where-Object { $_.Exception -ne $terminating.Exception })
        }
        [pscustomobject]@{ Output = $output.ToArray(); Errors = $nonTerminating; Terminating = $terminating }
    }

    # Everything a person could see of an error record, for checks that the key is not in it.
    function Get-ErrorText {
        param([System.Management.Automation.ErrorRecord] $Record)
        ($Record | Format-List * -Force | Out-String -Width 500) +
        ($Record.Exception | Format-List * -Force | Out-String -Width 500) +
        $Record.ErrorDetails.Message + $Record.ErrorDetails.RecommendedAction + "$Record"
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Errors of Get-KonbiniTikTokUser' {
    BeforeEach {
        Reset-Emulator
    }

    Context 'Per-input failures are non-terminating' {
        It 'reports emu.notfound as KonbiniApi.NotFound (charged, not retried) and goes on' {
            $result = Invoke-Lookup 'nfbefore', 'emu.notfound', 'nfafter'
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output.Username | Should -Be @('nfbefore', 'nfafter')
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound*'
            $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $record.TargetObject | Should -Be 'emu.notfound'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception | Should -BeOfType ([KonbiniApi.Errors.KonbiniApiException])
            $record.Exception.StatusCode | Should -Be 404
            $record.Exception.ErrorCode | Should -Be 'not_found'
            $record.Exception.CreditsUsed | Should -Be 1
            $record.Exception.RequestPath | Should -Be '/v1/tiktok/users/emu.notfound'
            $record.Exception.Attempts | Should -Be 1
            @(Get-UserRequest 'emu.notfound') | Should -HaveCount 1
            (Get-EmulatorStats).creditsCharged.knbn_emulator | Should -Be 3
        }

        It 'reports emu.invalid as KonbiniApi.ValidationError (refunded, not retried)' {
            $result = Invoke-Lookup '@emu.invalid', 'valafter'
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output.Username | Should -Be @('valafter')
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.ValidationError*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.TargetObject | Should -Be '@emu.invalid'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception.StatusCode | Should -Be 400
            $record.Exception.ErrorCode | Should -Be 'validation_error'
            $record.Exception.CreditsUsed | Should -Be 0
            $record.Exception.RequestPath | Should -Be '/v1/tiktok/users/emu.invalid'
            @(Get-UserRequest 'emu.invalid') | Should -HaveCount 1
            (Get-EmulatorStats).creditsCharged.knbn_emulator | Should -Be 1
        }

        It 'reports <Name> as KonbiniApi.InvalidResponse without retrying it' -ForEach @(
            @{ Name = 'emu.fault.badjson'; Status = 200; Charged = 0 }
            @{ Name = 'emu.datanull'; Status = 200; Charged = 1 }
            @{ Name = 'emu.wrongtypes'; Status = 200; Charged = 1 }
            @{ Name = 'emu.missing'; Status = 200; Charged = 1 }
        ) {
            $result = Invoke-Lookup $Name, 'irafter'
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output.Username | Should -Be @('irafter')
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidResponse*'
            $record.CategoryInfo.Category | Should -Be 'InvalidResult'
            $record.TargetObject | Should -Be $Name
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception.RequestPath | Should -Be "/v1/tiktok/users/$Name"
            $record.Exception.StatusCode | Should -Be $Status
            # Every API answer carries credit headers, and the error says what it cost.
            $record.Exception.CreditsUsed | Should -Be $Charged
            @(Get-UserRequest $Name) | Should -HaveCount 1
        }

        It 'reports an HTML 502 page from a proxy as an upstream failure, retried within the bound, naming the content type' {
            # A 502 is a gateway failing in front of the API: it is refunded and usually passes, so it is
            # retried like the API's own 502; the message says the body was not the API's JSON.
            Set-KonbiniConfiguration -RetryCount 1
            try { $result = Invoke-Lookup 'emu.fault.html', 'htmlafter' }
            finally { Set-KonbiniConfiguration -RetryCount 3 }
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output.Username | Should -Be @('htmlafter')
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.PlatformError*'
            $record.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $record.TargetObject | Should -Be 'emu.fault.html'
            $record.Exception.StatusCode | Should -Be 502
            $record.Exception.ErrorCode | Should -BeNullOrEmpty
            $record.Exception.Attempts | Should -Be 2
            $record.Exception.Message | Should -Match 'text/html'
            @(Get-UserRequest 'emu.fault.html') | Should -HaveCount 2
            (Get-EmulatorStats).creditsCharged.knbn_emulator | Should -Be 1
        }

        It 'tolerates fields it does not know (emu.extra)' {
            $result = Invoke-Lookup 'emu.extra'
            $result.Terminating | Should -BeNullOrEmpty
            $result.Errors | Should -HaveCount 0
            $result.Output | Should -HaveCount 1
            $result.Output[0] | Should -BeOfType ([KonbiniApi.Models.TikTokUser])
            $result.Output[0].Username | Should -Be 'emu.extra'
        }

        It 'reports emu.fault.hang with -TimeoutSec 2 as KonbiniApi.Timeout' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $result = Invoke-Lookup 'emu.fault.hang', 'hangafter' @{ TimeoutSec = 2 }
            $watch.Stop()
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output.Username | Should -Be @('hangafter')
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.Timeout*'
            $record.CategoryInfo.Category | Should -Be 'OperationTimeout'
            $record.TargetObject | Should -Be 'emu.fault.hang'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception.RequestPath | Should -Be '/v1/tiktok/users/emu.fault.hang'
            $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
            (Wait-EmulatorStats { $_.inFlight -eq 0 } -TimeoutSeconds 3).inFlight | Should -Be 0 -Because 'the abandoned request ends on the emulator too'
        }

        It 'refuses an oversized answer (emu.fault.huge) as KonbiniApi.ResponseTooLarge' {
            $result = Invoke-Lookup 'emu.fault.huge'
            $result.Terminating | Should -BeNullOrEmpty
            $result.Errors | Should -HaveCount 1
            $record = $result.Errors[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.ResponseTooLarge*'
            $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $record.TargetObject | Should -Be 'emu.fault.huge'
            @(Get-UserRequest 'emu.fault.huge') | Should -HaveCount 1
        }
    }

    Context 'Transient failures are retried, then reported' {
        BeforeAll {
            Reset-Emulator
            $script:FaultNames = 'emu.fault.500', 'emu.fault.502', 'emu.fault.503', 'emu.fault.504', 'emu.fault.reset', 'emu.fault.truncate'
            # One call for all of them: they run concurrently, so the backoff is paid once.
            $script:FaultRun = Invoke-Lookup (@($FaultNames) + 'faultafter')
            $script:FaultRequests = @(Get-EmulatorRequests)
            $script:FaultStats = Get-EmulatorStats
        }

        It 'writes every other input and one error per failing input, in order' {
            $FaultRun.Terminating | Should -BeNullOrEmpty
            $FaultRun.Output.Username | Should -Be @('faultafter')
            $FaultRun.Errors.TargetObject | Should -Be $FaultNames
        }

        It 'reports <Name> as <ErrorId> (<Category>) after 3 retries' -ForEach @(
            @{ Name = 'emu.fault.500'; ErrorId = 'KonbiniApi.InternalError'; Category = 'ResourceUnavailable'; Status = 500 }
            @{ Name = 'emu.fault.502'; ErrorId = 'KonbiniApi.PlatformError'; Category = 'ResourceUnavailable'; Status = 502 }
            @{ Name = 'emu.fault.503'; ErrorId = 'KonbiniApi.ServiceUnavailable'; Category = 'ResourceUnavailable'; Status = 503 }
            @{ Name = 'emu.fault.504'; ErrorId = 'KonbiniApi.PlatformError'; Category = 'ResourceUnavailable'; Status = 504 }
            @{ Name = 'emu.fault.reset'; ErrorId = 'KonbiniApi.NetworkError'; Category = 'ConnectionError'; Status = $null }
            @{ Name = 'emu.fault.truncate'; ErrorId = 'KonbiniApi.NetworkError'; Category = 'ConnectionError'; Status = 200 }
        ) {
            $record = @($FaultRun.Errors | Where-Object TargetObject -EQ $Name)
            $record | Should -HaveCount 1
            $record = $record[0]
            $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $record.CategoryInfo.Category | Should -Be $Category
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception.RequestPath | Should -Be "/v1/tiktok/users/$Name"
            $record.Exception.StatusCode | Should -Be $Status
            $record.Exception.Attempts | Should -Be 4
            if ($null -ne $Status) { $record.Exception.CreditsUsed | Should -Be 0 }
            @($FaultRequests | Where-Object path -EQ "/v1/tiktok/users/$Name") | Should -HaveCount 4
        }

        It 'charged nothing for the failures' {
            $FaultStats.creditsCharged.knbn_emulator | Should -Be 1
        }
    }

    Context 'Retries' {
        It 'succeeds on emu.retry.2.x after two 503s and says so in Verbose' {
            $stream = Get-KonbiniTikTokUser 'emu.retry.2.x' -Verbose 4>&1
            $users = @($stream | Where-Object { $_ -is [KonbiniApi.Models.TikTokUser] })
            $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
            $users | Should -HaveCount 1
            $users[0].Username | Should -Be 'emu.retry.2.x'
            @($verbose -like '*emu.retry.2.x*retry 1 of 3*') | Should -HaveCount 1
            @($verbose -like '*emu.retry.2.x*retry 2 of 3*') | Should -HaveCount 1
            @($verbose -like '*retry 3 of 3*') | Should -HaveCount 0
            @(Get-UserRequest 'emu.retry.2.x') | Should -HaveCount 3
            (Get-EmulatorStats).creditsCharged.knbn_emulator | Should -Be 1
        }

        It 'retries as often as Set-KonbiniConfiguration -RetryCount says' {
            if (-not (Get-Command Set-KonbiniConfiguration -ErrorAction Ignore)) {
                Set-ItResult -Skipped -Because 'the module has no Set-KonbiniConfiguration'
                return
            }
            $before = (Get-KonbiniConfiguration).RetryCount
            try {
                Set-KonbiniConfiguration -RetryCount 1
                $result = Invoke-Lookup 'emu.fault.503', 'emu.retry.1.rc'
            }
            finally {
                Set-KonbiniConfiguration -RetryCount $before
            }
            $result.Output.Username | Should -Be @('emu.retry.1.rc')
            $result.Errors | Should -HaveCount 1
            $result.Errors[0].Exception.Attempts | Should -Be 2
            @(Get-UserRequest 'emu.fault.503') | Should -HaveCount 2
            @(Get-UserRequest 'emu.retry.1.rc') | Should -HaveCount 2
        }

        It 'retries nothing that is not transient' {
            $names = 'emu.notfound', 'emu.invalid', 'emu.wrongtypes', 'emu.fault.badjson'
            $stream = Get-KonbiniTikTokUser $names -Verbose -ErrorAction SilentlyContinue 4>&1
            @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*retry*' }) | Should -HaveCount 0
            foreach ($name in $names) {
                @(Get-UserRequest $name) | Should -HaveCount 1 -Because "$name must be sent once"
            }
        }
    }

    Context 'Failures of the key or the account end the call' {
        It 'stops with <ErrorId> (<Category>) for the key <Key>' -ForEach @(
            @{ Key = 'knbn_disabled'; ErrorId = 'KonbiniApi.ApiKeyDisabled'; Category = 'PermissionDenied'; Status = 403; Code = 'api_key_disabled' }
            @{ Key = 'knbn_expired'; ErrorId = 'KonbiniApi.ApiKeyExpired'; Category = 'PermissionDenied'; Status = 403; Code = 'api_key_expired' }
            @{ Key = 'knbn_unknown_Zq81xT'; ErrorId = 'KonbiniApi.InvalidApiKey'; Category = 'AuthenticationError'; Status = 401; Code = 'invalid_api_key' }
            @{ Key = 'knbn_empty'; ErrorId = 'KonbiniApi.CreditsExhausted'; Category = 'QuotaExceeded'; Status = 402; Code = 'credits_exhausted' }
        ) {
            $result = Invoke-Lookup 'keytarget' @{ ApiKey = $Key }
            $result.Output | Should -HaveCount 0
            $result.Terminating | Should -Not -BeNullOrEmpty
            $record = $result.Terminating
            $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $record.CategoryInfo.Category | Should -Be $Category
            $record.TargetObject | Should -Be 'keytarget'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $record.Exception.StatusCode | Should -Be $Status
            $record.Exception.ErrorCode | Should -Be $Code
            $record.Exception.RequestPath | Should -Be '/v1/tiktok/users/keytarget'
            $record.Exception.CreditsUsed | Should -BeIn @($null, 0)
            $record.Exception.UnprocessedInputs | Should -Be @('keytarget')
            Get-ErrorText $record | Should -Not -Match ([regex]::Escape($Key))
            (Get-EmulatorStats).totalRequests | Should -Be 1
        }

        It 'ends with the terminating error however fast the refusal comes back (300 calls, one input each, <Via>)' -ForEach @(
            @{ Via = 'parameter' }
            @{ Via = 'pipeline' }
        ) {
            # A refusal that arrived before the cmdlet looked again was once written out as unprocessed with
            # no error at all; at zero latency that happened about once in twenty calls.
            $silent = 0
            foreach ($attempt in 1..300) {
                $stopped = $null
                try {
                    if ($Via -eq 'parameter') {
                        $null = Get-KonbiniTikTokUser -Username "race$attempt" -ApiKey knbn_expired -ErrorAction SilentlyContinue
                    }
                    else {
                        $null = "race$attempt" | Get-KonbiniTikTokUser -ApiKey knbn_expired -ErrorAction SilentlyContinue
                    }
                }
                catch {
                    $stopped = $_
                }

                if (-not $stopped -or $stopped.FullyQualifiedErrorId -notlike 'KonbiniApi.ApiKeyExpired,*') {
                    $silent++
                }
            }

            $silent | Should -Be 0
        }

        It 'starts no new request once a key failure is known (50 inputs, throttle 5)' {
            Set-EmulatorConfig -Settings @{ latencyMs = 50; jitterMs = 0 }
            try {
                $names = 1..50 | ForEach-Object { "halt$_" }
                $result = Invoke-Lookup $names @{ ApiKey = 'knbn_disabled'; ThrottleLimit = 5 }
            }
            finally {
                Set-EmulatorConfig -Settings @{ latencyMs = 0 }
            }
            $result.Terminating | Should -Not -BeNullOrEmpty
            $result.Terminating.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.ApiKeyDisabled,*'
            (Get-EmulatorStats).totalRequests | Should -BeLessOrEqual 5
            # Nothing was processed, and the error lists every input for a re-run, in order.
            $result.Terminating.Exception.UnprocessedInputs | Should -Be $names
            $result.Terminating.Exception.Message | Should -Match '50 of the 50 inputs'
        }

        It 'writes the results finished before the failure, then stops (pipeline input)' {
            Set-EmulatorKey -Key 'knbn_two_left' -Credits 2
            $names = 'lefta', 'leftb', 'leftc', 'leftd'
            $problems = $null
            $output = [System.Collections.Generic.List[object]]::new()
            $caught = $null
            try {
                $names | Get-KonbiniTikTokUser -ApiKey 'knbn_two_left' -ThrottleLimit 1 -ErrorVariable problems | ForEach-Object { $output.Add($_) }
            }
            catch {
                $caught = $_
            }
            $output.Username | Should -Be @('lefta', 'leftb')
            $caught.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditsExhausted,*'
            $caught.TargetObject | Should -Be 'leftc'
            $caught.Exception.UnprocessedInputs | Should -Be @('leftc', 'leftd')
            (Get-EmulatorStats).totalRequests | Should -Be 3
        }

        It 'stops with KonbiniApi.MissingApiKey and sends nothing when there is no key at all' {
            $saved = $env:KONBINI_API_KEY
            try {
                $env:KONBINI_API_KEY = $null
                $run = Invoke-InNewRunspace {
                    $caught = $null
                    try { Get-KonbiniTikTokUser 'nokey1', 'nokey2' -ErrorAction SilentlyContinue } catch { $caught = $_ }
                    [pscustomobject]@{ Caught = $caught; Credit = Get-KonbiniCredit }
                }
            }
            finally {
                $env:KONBINI_API_KEY = $saved
            }
            $run.Failure | Should -BeNullOrEmpty
            $record = $run.Output[0].Caught
            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.MissingApiKey,*'
            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $run.Output[0].Credit.Requests | Should -Be 0
            (Get-EmulatorStats).totalRequests | Should -Be 0
        }
    }
}
