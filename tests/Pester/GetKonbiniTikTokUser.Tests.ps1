#Requires -Version 7.0
# End-to-end tests of Get-KonbiniTikTokUser against the emulator: input forms and binding, typed output
# and its views, -Raw, local validation, concurrency and order, repeats, User-Agent and Ctrl+C.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Emulator = (Start-TestSuite -Key 'knbn_emulator').Emulator
}

AfterAll {
    Stop-TestSuite
}

Describe 'Get-KonbiniTikTokUser' {
    BeforeEach {
        Reset-Emulator
    }

    Context 'Input forms' {
        It 'returns the same user for <Form>' -ForEach @(
            @{ Form = 'name'; Text = 'formuser' }
            @{ Form = '@name'; Text = '@formuser' }
            @{ Form = 'a profile URL with a query'; Text = 'https://www.tiktok.com/@formuser?lang=en' }
        ) {
            $user = Get-KonbiniTikTokUser -Username $Text
            $user | Should -HaveCount 1
            $user.Username | Should -Be 'formuser'
            $user.ProfileUrl | Should -Be 'https://www.tiktok.com/@formuser'
            # Every form becomes the same single request.
            @(Get-EmulatorRequests).path | Should -Be @('/v1/tiktok/users/formuser')
        }

        It 'gives identical objects for all three forms' {
            $users = @(Get-KonbiniTikTokUser 'formuser', '@formuser', 'https://www.tiktok.com/@formuser?lang=en')
            $users | Should -HaveCount 3
            $users[1].EntityId | Should -Be $users[0].EntityId
            $users[2].EntityId | Should -Be $users[0].EntityId
            $users[2].FollowerCount | Should -Be $users[0].FollowerCount
        }

        It 'binds the username positionally' {
            (Get-KonbiniTikTokUser 'posuser').Username | Should -Be 'posuser'
        }

        It 'binds strings from the pipeline by value, in order' {
            $users = 'pipea', 'pipeb', 'pipec' | Get-KonbiniTikTokUser
            $users.Username | Should -Be @('pipea', 'pipeb', 'pipec')
        }

        It 'binds the CSV column <Column> by property name' -ForEach @(
            @{ Column = 'Username' }
            @{ Column = 'Handle' }
            @{ Column = 'preferredUsername' }
        ) {
            $csv = Join-Path $TestDrive "by-$Column.csv"
            Set-Content -Path $csv -Value @("$Column,Note", 'colone,first', '@coltwo,second', 'https://www.tiktok.com/@colthree,third')
            $users = Import-Csv $csv | Get-KonbiniTikTokUser
            $users.Username | Should -Be @('colone', 'coltwo', 'colthree')
        }
    }

    Context 'Typed output' {
        BeforeAll {
            $script:Full = Get-KonbiniTikTokUser 'emu.full'
        }

        It 'declares KonbiniApi.Models.TikTokUser as its output type' {
            $types = (Get-Command Get-KonbiniTikTokUser).OutputType.Type
            $types | Should -Contain ([KonbiniApi.Models.TikTokUser])
        }

        It 'writes a KonbiniApi.Models.TikTokUser' {
            $Full | Should -BeOfType ([KonbiniApi.Models.TikTokUser])
            $Full.PSObject.TypeNames[0] | Should -Be 'KonbiniApi.Models.TikTokUser'
        }

        It 'keeps counts beyond 2^31 as 64-bit integers' {
            $Full.LikeCount | Should -BeOfType ([long])
            $Full.LikeCount | Should -Be 2600000000
            $Full.FollowerCount | Should -BeOfType ([long])
        }

        It 'gives Created as a [datetime] in UTC' {
            $Full.Created | Should -BeOfType ([datetime])
            $Full.Created | Should -Be ([datetime]::new(2020, 3, 15, 0, 0, 0, [DateTimeKind]::Utc))
            $Full.Created.Kind | Should -Be 'Utc'
        }

        It 'gives typed Links, Images and Avatar' {
            $Full.Links | Should -BeOfType ([KonbiniApi.Models.TikTokLink])
            $Full.Links.Url | Should -Be @('https://linktr.ee/emu.full', 'https://www.instagram.com/emu.full')
            $Full.Links[0].Rel | Should -Be 'preferred'
            $Full.Images | Should -HaveCount 3
            $Full.Images | Should -BeOfType ([KonbiniApi.Models.TikTokImage])
            $Full.Images.Width | Should -Be @(100, 720, 1080)
            $Full.Avatar | Should -BeOfType ([KonbiniApi.Models.TikTokImage])
            $Full.Avatar.Width | Should -Be 720
            $Full.Avatar.Url | Should -Match '^https://'
        }

        It 'gives ProfileUrl and EntityId' {
            $Full.ProfileUrl | Should -Be 'https://www.tiktok.com/@emu.full'
            $Full.EntityId | Should -Match '^MS4wLjABAAAA'
        }

        It 'gives the flags of emu.<Name>' -ForEach @(
            @{ Name = 'private'; Property = 'IsPrivate' }
            @{ Name = 'verified'; Property = 'IsVerified' }
            @{ Name = 'live'; Property = 'IsLive' }
        ) {
            $user = Get-KonbiniTikTokUser "emu.$Name"
            $user.$Property | Should -BeTrue -Because "emu.$Name is $Property"
            $user.$Property | Should -BeOfType ([bool])
        }

        It 'reads a minimal profile with the optional fields empty' {
            $user = Get-KonbiniTikTokUser 'emu.minimal'
            $user | Should -BeOfType ([KonbiniApi.Models.TikTokUser])
            $user.Links | Should -HaveCount 0
            $user.Images | Should -HaveCount 0
            $user.Avatar | Should -BeNullOrEmpty
        }

        It 'shows the chosen columns in the default table view' {
            $text = $Full | Format-Table | Out-String -Width 250
            foreach ($header in 'Username', 'DisplayName', 'Followers', 'Likes', 'Posts', 'Verified', 'Private') {
                $text | Should -Match "\b$header\b"
            }
            $text | Should -Not -Match 'EntityId'
            $text | Should -Match '2,600,000,000'
        }

        It 'shows the table view by default for several users' {
            $text = Get-KonbiniTikTokUser 'emu.full', 'tableuser' | Out-String -Width 250
            $text | Should -Match 'Username\s+DisplayName\s+Followers'
        }

        It 'shows every property in the list view' {
            $text = $Full | Format-List | Out-String -Width 250
            foreach ($property in [KonbiniApi.Models.TikTokUser].GetProperties().Name) {
                $text | Should -Match "(?m)^$property\s+:"
            }
            $text | Should -Match 'MS4wLjABAAAA'
        }
    }

    Context '-Raw' {
        It 'writes the API''s data object for <Name>' -ForEach @(
            @{ Name = 'emu.full' }
            @{ Name = 'emu.minimal' }
            @{ Name = 'rawgenerated' }
        ) {
            $raw = Get-KonbiniTikTokUser $Name -Raw
            $raw | Should -HaveCount 1
            $raw | Should -Not -BeOfType ([KonbiniApi.Models.TikTokUser])
            $fromModule = $raw | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable -Depth 20
            $fromApi = Get-EmulatorUserData -Username $Name -Emulator $Emulator
            $differences = @(Compare-JsonValue -Expected $fromApi -Actual $fromModule)
            $differences | Should -BeNullOrEmpty
            $fromApi['type'] | Should -Be 'Person'
        }

        It 'keeps a 64-bit count as a number in -Raw output' {
            (Get-KonbiniTikTokUser 'emu.full' -Raw).likeCount | Should -Be 2600000000
        }
    }

    Context 'Validation before any request' {
        It 'refuses <Why> without a request' -ForEach @(
            @{ Why = 'an empty string'; Text = '' }
            @{ Why = 'white space'; Text = '   ' }
            @{ Why = 'a name over 24 characters'; Text = ('a' * 25) }
            @{ Why = 'a space inside'; Text = 'bad name' }
            @{ Why = 'a slash'; Text = 'bad/name' }
            @{ Why = 'punctuation'; Text = 'bad!name' }
            @{ Why = 'a path escape'; Text = '..' }
            @{ Why = 'a non-TikTok URL'; Text = 'https://example.com/@name' }
        ) {
            $output = Get-KonbiniTikTokUser -Username $Text -ErrorVariable problems -ErrorAction SilentlyContinue
            $output | Should -BeNullOrEmpty
            $problems | Should -HaveCount 1
            $record = $problems[0]
            $record.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.TargetObject | Should -BeExactly $Text
            $record.Exception.Message | Should -BeLike "*'$Text'*"
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            $stats = Get-EmulatorStats
            $stats.totalRequests | Should -Be 0
            $stats.creditsCharged.knbn_emulator | Should -Be 0
        }

        It 'refuses $null in an array and goes on with the later inputs' {
            $output = Get-KonbiniTikTokUser -Username 'nulla', $null, 'nullb' -ErrorVariable problems -ErrorAction SilentlyContinue
            $output.Username | Should -Be @('nulla', 'nullb')
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput*'
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $problems[0].TargetObject | Should -BeNullOrEmpty
            $problems[0].Exception.Message | Should -BeLike '*$null*'
            (Get-EmulatorStats).totalRequests | Should -Be 2
        }

        It 'is non-terminating: the pipeline goes on with later valid inputs, in order' {
            $inputs = 'gooda', '', 'bad name', 'goodb', ('x' * 30), 'goodc'
            $output = $inputs | Get-KonbiniTikTokUser -ErrorVariable problems -ErrorAction SilentlyContinue
            $output.Username | Should -Be @('gooda', 'goodb', 'goodc')
            $problems | Should -HaveCount 3
            $problems.TargetObject | Should -Be @('', 'bad name', ('x' * 30))
            $stats = Get-EmulatorStats
            $stats.totalRequests | Should -Be 3
            $stats.creditsCharged.knbn_emulator | Should -Be 3
        }
    }

    Context 'Concurrency and order' {
        AfterEach {
            Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 }
        }

        It 'runs 200 lookups at 100 ms concurrently within the throttle, in input order' {
            Set-EmulatorConfig -Settings @{ latencyMs = 100; jitterMs = 0 }
            $names = 1..200 | ForEach-Object { 'conc{0:d3}' -f $_ }
            $serialSeconds = 200 * 0.1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $users = $names | Get-KonbiniTikTokUser -ThrottleLimit 20
            $watch.Stop()

            $users | Should -HaveCount 200
            $users.Username | Should -Be $names
            $watch.Elapsed.TotalSeconds | Should -BeLessThan ($serialSeconds * 0.5)
            $stats = Get-EmulatorStats
            $stats.totalRequests | Should -Be 200
            $stats.maxInFlight | Should -BeLessOrEqual 20
            $stats.maxInFlight | Should -BeGreaterThan 1
        }

        It 'keeps input order when early inputs are slower than later ones' {
            # emu.retry.1.* fails once with 503, so it finishes after the names behind it.
            $names = 'emu.retry.1.order', 'ordera', 'orderb', 'orderc'
            $users = Get-KonbiniTikTokUser $names -ThrottleLimit 4
            $users.Username | Should -Be $names
        }

        It 'makes one request for repeated inputs but writes one output per input' {
            $inputs = 'dupa', 'dupb', 'DupA', '@dupa', 'https://www.tiktok.com/@dupa', 'dupb', 'dupa'
            $users = $inputs | Get-KonbiniTikTokUser -ThrottleLimit 4
            $users | Should -HaveCount 7
            $users.Username | Should -Be @('dupa', 'dupb', 'dupa', 'dupa', 'dupa', 'dupb', 'dupa')
            @(Get-UserRequest 'dupa') | Should -HaveCount 1
            @(Get-UserRequest 'dupb') | Should -HaveCount 1
            (Get-EmulatorStats).totalRequests | Should -Be 2
        }

        It 'repeats a failure for a repeated input written after it, without asking again' {
            # Throttle 1: the first input is written before the third is read, so only a kept outcome can
            # answer the repeat. Both end as the same error, and the name is asked for (with its retries) once.
            $null = Get-KonbiniTikTokUser 'emu.fault.500' -ThrottleLimit 1 -ErrorAction SilentlyContinue
            $once = @(Get-UserRequest 'emu.fault.500').Count
            Reset-Emulator
            $users = Get-KonbiniTikTokUser 'emu.fault.500', 'failonce', 'emu.fault.500' -ThrottleLimit 1 -ErrorVariable problems -ErrorAction SilentlyContinue
            $users.Username | Should -Be 'failonce'
            $problems | Should -HaveCount 2
            $problems[1].Exception.Message | Should -Be $problems[0].Exception.Message
            @(Get-UserRequest 'emu.fault.500') | Should -HaveCount $once
        }

        It 'repeats a not-found outcome for a repeated input without a second request' {
            $null = Get-KonbiniTikTokUser 'emu.notfound', 'emu.notfound' -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems | Should -HaveCount 2
            $problems.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'KonbiniApi.NotFound*' }
            @(Get-UserRequest 'emu.notfound') | Should -HaveCount 1
        }
    }

    Context 'User-Agent' {
        It 'names the module and the PowerShell version' {
            $null = Get-KonbiniTikTokUser 'uauser'
            $request = @(Get-EmulatorRequests)[0]
            if (-not $request.PSObject.Properties['userAgent']) {
                Set-ItResult -Skipped -Because 'the emulator request log does not record the User-Agent'
                return
            }
            $module = (Get-Module KonbiniApi).Version.ToString(3)
            $request.userAgent | Should -BeLike "KonbiniApi/$module*"
            $request.userAgent | Should -BeLike "*PowerShell/$($PSVersionTable.PSVersion)*"
        }
    }
}

Describe 'Stopping Get-KonbiniTikTokUser (Ctrl+C)' {
    BeforeEach {
        Reset-Emulator
        Set-EmulatorConfig -Settings @{ latencyMs = 2000; jitterMs = 0 }
    }

    AfterEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 0 }
    }

    It 'stops within 1.5 s, aborts the requests in flight and starts no more' {
        $run = Invoke-InNewRunspace -NoWait -Emulator $Emulator { 1..200 | ForEach-Object { "stop$_" } | Get-KonbiniTikTokUser -ThrottleLimit 50 }
        try {
            # At most a second in: up to 50 requests are in flight and none can have been answered yet.
            $busy = Wait-EmulatorStats { $_.inFlight -ge 50 } -TimeoutSeconds 1
            $busy.inFlight | Should -BeGreaterThan 0
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
            $run.Handle.IsCompleted | Should -BeTrue -Because 'Stop() returns once the pipeline has ended'
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'

            $stats = Wait-EmulatorStats { $_.inFlight -eq 0 } -TimeoutSeconds 2
            $stats.inFlight | Should -Be 0 -Because 'the stop abandons every request in flight'
            $stats.aborted | Should -BeGreaterOrEqual 1
            $stats.aborted | Should -Be $stats.totalRequests
            $stats.totalRequests | Should -BeLessOrEqual 50
            $count = $stats.totalRequests
            # No request may start afterwards: wait (0.7 s at most) for one that would.
            (Wait-EmulatorStats { $_.totalRequests -ne $count } -TimeoutSeconds 0.7).totalRequests | Should -Be $count
            # Nothing was answered, so nothing was charged.
            $stats.creditsCharged.knbn_emulator | Should -Be 0
        }
        finally {
            $null = Receive-InNewRunspace $run
        }
    }
}
