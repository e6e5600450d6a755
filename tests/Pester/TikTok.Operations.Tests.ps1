#Requires -Version 7.0
# TikTok end to end against the emulator beyond what every list shares (that is Operations.Tests.ps1, fed
# by OperationRows/TikTok.psd1): many inputs, stopping, single objects, chains, downloads, Invoke-KonbiniApi.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Emulator = $Suite.Emulator
}

AfterAll {
    Stop-TestSuite
}

Describe 'TikTok lists across many inputs' {
    BeforeEach { Reset-Emulator }

    It 'writes all of input 1, then all of input 2, whatever finishes first' {
        Set-EmulatorConfig -Settings @{ jitterMs = 40; seed = 7 }
        try {
            $names = 'emu.list.70', 'emu.list.5', 'emu.list.40'
            $items = @(Get-KonbiniTikTokFollower -Username $names -All)
            $items | Should -HaveCount 115
            ($items.ListedFor | Select-Object -Unique) | Should -Be $names
            ($items | Where-Object ListedFor -EQ 'emu.list.70').Count | Should -Be 70
        }
        finally { Set-EmulatorConfig -Settings @{ jitterMs = 0 } }
    }

    It 'looks a repeated input up once' {
        $items = @(Get-KonbiniTikTokFollower -Username 'emu.list.12', 'EMU.LIST.12', 'emu.list.12')
        $items | Should -HaveCount 36
        Get-ApiRequests | Should -HaveCount 1
    }

    It 'stops at -MaxCredits, keeps what it wrote, and resumes exactly from ResumeFrom' {
        $written = [System.Collections.Generic.List[object]]::new()
        $stopped = $null
        try { Get-KonbiniTikTokFollower -Username 'emu.list.200' -All -MaxCredits 3 -PageSize 30 | ForEach-Object { $written.Add($_) } }
        catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached,*'
        $written | Should -HaveCount 90
        $point = $stopped.Exception.ResumeFrom | Select-Object -First 1
        $point.Input | Should -Be 'emu.list.200'
        $point.Cursor | Should -Not -BeNullOrEmpty
        $rest = @(Get-KonbiniTikTokFollower -Username $point.Input -Cursor $point.Cursor -All)
        $rest | Should -HaveCount 110
        @($written + $rest | ForEach-Object Username | Sort-Object -Unique) | Should -HaveCount 200
    }

    It 'writes an item that breaks the contract as an InvalidResponse error in its place, and the list goes on' {
        # emu.item.broken: the third of its videos states viewCount as a string.
        $stream = @(Get-KonbiniTikTokVideo -Username 'emu.item.broken', 'emu.list.3' -First 5 -ErrorAction Continue 2>&1)
        @($stream | ForEach-Object { $_.GetType().Name }) | Should -Be @('TikTokVideo', 'TikTokVideo', 'ErrorRecord', 'TikTokVideo', 'TikTokVideo', 'TikTokVideo', 'TikTokVideo', 'TikTokVideo')
        $broken = $stream[2]
        $broken.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidResponse,*'
        $broken.CategoryInfo.Category | Should -Be 'InvalidResult'
        $broken.TargetObject | Should -Be 'emu.item.broken'
        $broken.Exception.Message | Should -BeLike '*data.orderedItems`[2`].viewCount*'
        @($stream[0, 1, 3, 4] | ForEach-Object ListedFor | Select-Object -Unique) | Should -Be 'emu.item.broken'
        Get-ApiRequests | Should -HaveCount 2
    }

    It 'streams: the first items of the first input are written before the list ends' {
        Set-EmulatorConfig -Settings @{ latencyMs = 150 }
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $first = Get-KonbiniTikTokFollower -Username 'emu.list.300' -All | Select-Object -First 1 | ForEach-Object { $clock.Elapsed.TotalMilliseconds }
            $first | Should -BeLessThan 1200 -Because 'ten pages take at least 1,500 ms; the first item must not wait for them'
            @(Get-ApiRequests).Count | Should -BeLessThan 10
        }
        finally { Set-EmulatorConfig -Settings @{ latencyMs = 0 } }
    }
}

Describe 'Stopping a long list (Ctrl+C)' {
    BeforeEach { Reset-Emulator }

    It 'sends no request after the stop and keeps what it wrote' {
        Set-EmulatorConfig -Settings @{ latencyMs = 100 }
        try {
            $run = Invoke-InNewRunspace -NoWait -Emulator $Emulator -Key $Suite.Key {
                $ProgressPreference = 'SilentlyContinue'
                Get-KonbiniTikTokFollower -Username 'emu.list.100000.a', 'emu.list.100000.b' -All
            }
            $busy = Wait-Until -Probe { $run.Output.Count } -Condition { $_ -ge 90 } -TimeoutSeconds 20
            $busy | Should -BeGreaterOrEqual 90 -Because 'pages must be arriving when the pipeline is stopped'
            $run.PowerShell.Stop()
            $atStop = (Get-EmulatorStats).totalRequests
            $null = Wait-EmulatorStats { $_.inFlight -eq 0 } -TimeoutSeconds 3
            $later = Wait-EmulatorStats { $_.totalRequests -gt $atStop } -TimeoutSeconds 0.5
            $later.totalRequests | Should -Be $atStop -Because 'a stopped list starts no new page'
            $end = Receive-InNewRunspace $run
            @($end.Output).Count | Should -BeGreaterOrEqual 90 -Because 'what was written before the stop stays written'
        }
        finally { Set-EmulatorConfig -Settings @{ latencyMs = 0 } }
    }
}

Describe 'TikTok single objects' {
    BeforeEach { Reset-Emulator }

    It '<Cmdlet> writes a <Type>' -ForEach @(
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameters = @{ VideoId = 'https://www.tiktok.com/@khaby.lame/video/7000000000000000004' }; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokAudio'; Parameters = @{ AudioId = '6931290927570946049' }; Type = 'TikTokAudio' }
        @{ Cmdlet = 'Get-KonbiniTikTokLive'; Parameters = @{ Username = 'emu.live' }; Type = 'TikTokLive' }
        @{ Cmdlet = 'Get-KonbiniTikTokTranscript'; Parameters = @{ VideoId = '7611615657754381599'; Language = 'de-de' }; Type = 'TikTokTranscript' }
    ) {
        $result = @(& $Cmdlet @Parameters)
        $result | Should -HaveCount 1
        $result[0].GetType().Name | Should -Be $Type
        Get-ApiRequests | Should -HaveCount 1
    }

    It 'a video listed for a creator is the same video by ID' {
        $listed = Get-KonbiniTikTokVideo -Username 'khaby.lame' -First 1
        $byId = Get-KonbiniTikTokVideo -VideoId $listed.VideoId
        $byId.AuthorUsername | Should -Be 'khaby.lame'
        $byId.Description | Should -Be $listed.Description
        $byId.ViewCount | Should -Be $listed.ViewCount
    }

    It 'a user who is not live is a NotFound error that says so, charged one credit' {
        $null = Get-KonbiniTikTokLive -Username 'khaby.lame' -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound,*'
        $missing[0].Exception.Message | Should -Match 'not live'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1
    }

    It 'a video without a transcript is a NotFound error that names the language' {
        $null = Get-KonbiniTikTokTranscript -VideoId ('9907' + '1'.PadLeft(15, '0')) -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].Exception.Message | Should -Match 'has no original transcript'
    }

    It 'transcripts carry their WebVTT text and cues with Start, End and Text' {
        $transcript = Get-KonbiniTikTokTranscript -VideoId '7611615657754381599'
        $transcript.WebVtt | Should -Match '^WEBVTT'
        $transcript.Cues.Count | Should -BeGreaterThan 1
        $transcript.Cues[0].End | Should -BeGreaterThan $transcript.Cues[0].Start
        $transcript.Cues[0].Text | Should -Not -BeNullOrEmpty
    }

    It 'refuses an unknown transcript language before any request' {
        $null = Get-KonbiniTikTokTranscript -VideoId '7611615657754381599' -Language 'xx-XX' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'refuses list parameters for an operation that answers one object' {
        { Get-KonbiniTikTokVideo -VideoId '7611615657754381599' -All -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }
}

Describe 'TikTok chains by property name' {
    BeforeEach { Reset-Emulator }

    It 'user | videos -First 10' {
        $videos = @(Get-KonbiniTikTokUser 'khaby.lame' | Get-KonbiniTikTokVideo -First 10)
        $videos | Should -HaveCount 10
        $videos.AuthorUsername | Sort-Object -Unique | Should -Be 'khaby.lame'
    }

    It 'videos -First 5 | comments -First 20, and comments | replies' {
        $comments = @(Get-KonbiniTikTokVideo -Username 'khaby.lame' -First 5 | Get-KonbiniTikTokComment -First 20)
        $comments.Count | Should -BeGreaterThan 20
        ($comments.VideoId | Select-Object -Unique) | Should -HaveCount 5
        $withReplies = $comments | Where-Object ReplyCount -GT 0 | Select-Object -First 1
        $replies = @($withReplies | Get-KonbiniTikTokComment -First 3)
        $replies.Count | Should -BeGreaterThan 0
        $replies.ParentCommentId | Sort-Object -Unique | Should -Be $withReplies.CommentId
        $replies.VideoId | Sort-Object -Unique | Should -Be $withReplies.VideoId
    }

    It 'search accounts | user profiles' {
        $users = @(Search-KonbiniTikTokUser -Query 'khaby' -First 3 | Get-KonbiniTikTokUser)
        $users | Should -HaveCount 3
        $users[0] | Should -BeOfType ([KonbiniApi.Models.TikTokUser])
    }

    It 'Import-Csv with VideoId and Username columns' {
        $csv = Join-Path $TestDrive 'ids.csv'
        [pscustomobject]@{ VideoId = '7611615657754381599' }, [pscustomobject]@{ VideoId = '7611615657754381598' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniTikTokVideo) | Should -HaveCount 2
        [pscustomobject]@{ Username = 'khaby.lame' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniTikTokFollower -First 2) | Should -HaveCount 2
    }

    It 'videos and comments export to CSV without type names or System.Object[]' {
        $csv = Join-Path $TestDrive 'videos.csv'
        Get-KonbiniTikTokVideo -Username 'khaby.lame' -First 3 | Export-Csv -Path $csv -NoTypeInformation
        Get-KonbiniTikTokComment -VideoId '7611615657754381599' -First 3 | Export-Csv -Path $csv -Append -NoTypeInformation -Force
        $text = Get-Content -Raw $csv
        $text | Should -Not -Match 'System\.|KonbiniApi\.Models'
        (Import-Csv $csv)[0].ListedFor | Should -Be 'khaby.lame'
    }

    It 'mixed search results share one table view' {
        $results = @(Search-KonbiniTikTok -Query 'khaby' -First 30)
        ($results | ForEach-Object { $_.GetType().Name } | Sort-Object -Unique) | Should -Be @('TikTokUserSummary', 'TikTokVideo')
        $table = $results | Format-Table | Out-String -Width 200
        $table | Should -Match 'Kind\s+Account'
        $table | Should -Not -Match '(?m)^\s*Username\s*:'
    }
}

Describe 'TikTok table views' {
    BeforeEach { Reset-Emulator }

    It 'show dates and counts past 2^31 whole, in a culture with long dates' {
        # en-US spells a time as 12/24/2026 12:15:00 PM, which a 19-column date used to cut; ISO dates do not vary.
        $before = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'en-US'
            $comments = @(Get-KonbiniTikTokVideo -Username 'khaby.lame' -First 6 | Get-KonbiniTikTokComment -First 50)
            $videos = @('fyp', 'cats', 'food' | ForEach-Object { Get-KonbiniTikTokVideo -Tag $_ -First 60 })
            $mostLiked = ($comments | Measure-Object -Property LikeCount -Maximum).Maximum
            $mostLiked | Should -BeGreaterThan ([int]::MaxValue) -Because 'the emulator gives some comments more than 2^31 likes'
            foreach ($case in @(
                    @{ Items = $comments; Property = 'LikeCount'; Date = 'Published' }
                    @{ Items = $videos; Property = 'CommentCount'; Date = 'Published' }
                    @{ Items = $videos; Property = 'LikeCount'; Date = 'Published' })) {
                $table = $case.Items | Format-Table | Out-String -Width 200
                $table | Should -Not -Match '…[0-9,]' -Because 'a count must never be cut'
                $largest = ($case.Items | Measure-Object -Property $case.Property -Maximum).Maximum
                $table | Should -Match ([regex]::Escape(('{0:N0}' -f [long]$largest)))
                $dated = $case.Items | Where-Object { $_.($case.Date) } | Select-Object -First 1
                $table | Should -Match ([regex]::Escape($dated.($case.Date).ToString('yyyy-MM-dd HH:mm')))
            }
        }
        finally { [cultureinfo]::CurrentCulture = $before }
    }

    It 'show a sound''s authors as handles, not as a collection in braces' {
        $audio = Get-KonbiniTikTokAudio -AudioId '6000000000000000000'
        $table = $audio | Format-Table | Out-String -Width 200
        $table | Should -Match ([regex]::Escape("@$($audio.Authors[0].Username)"))
        $table | Should -Not -Match '\{@'
    }
}

Describe 'Save-KonbiniTikTokVideo' {
    BeforeEach {
        Reset-Emulator
        $script:Folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    }

    It 'saves piped videos as username_videoId.mp4, with no key sent to the CDN' {
        $files = @(Get-KonbiniTikTokVideo -Username 'khaby.lame' -First 3 | Save-KonbiniTikTokVideo -Destination $Folder -PassThru)
        $files | Should -HaveCount 3
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        $files[0].Name | Should -Match '^khaby\.lame_\d{19}\.mp4$'
        $files | ForEach-Object { $_.Length | Should -Be 262144 }
        @(Get-ChildItem -Path $Folder -Force).Count | Should -Be 3 -Because 'no temporary file is left behind'
        $cdn = @(Invoke-RestMethod ($Emulator.BaseUri.TrimEnd('/') + '/_emulator/cdn-requests') | ForEach-Object { $_ })
        $cdn | Should -HaveCount 3
        $cdn | ForEach-Object { $_.authorization | Should -BeFalse; @($_.headersWithKeys) | Should -HaveCount 0 }
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 4 -Because 'one page of videos and one link per video'
    }

    It 'keeps an existing file unless -Force, and costs nothing when it does' {
        $null = Save-KonbiniTikTokVideo -VideoId '7611615657754381599' -Destination $Folder
        Reset-Emulator
        $null = Save-KonbiniTikTokVideo -VideoId '7611615657754381599' -Destination $Folder -ErrorVariable exists -ErrorAction SilentlyContinue
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.FileExists,*'
        Get-ApiRequests | Should -HaveCount 0
        Save-KonbiniTikTokVideo -VideoId '7611615657754381599' -Destination $Folder -Force -PassThru | Should -HaveCount 1
    }

    It '-WhatIf requests nothing and writes nothing' {
        Save-KonbiniTikTokVideo -VideoId '7611615657754381599' -Destination $Folder -WhatIf
        Get-ApiRequests | Should -HaveCount 0
        Test-Path $Folder | Should -BeFalse
    }

    It 'replaces an expired link once' {
        $file = Save-KonbiniTikTokVideo -VideoId ('9908' + '1'.PadLeft(15, '0')) -Destination $Folder -PassThru
        $file.Length | Should -Be 262144
        @(Get-ApiRequests | Where-Object path -Like '*/download') | Should -HaveCount 2
    }
}

Describe 'Invoke-KonbiniApi' {
    BeforeEach { Reset-Emulator }

    It 'calls any route and writes its data object' {
        $user = Invoke-KonbiniApi -Path '/v1/tiktok/users/khaby.lame'
        $user.preferredUsername | Should -Be 'khaby.lame'
    }

    It 'follows the cursor with -All, writing each page' {
        $pages = @(Invoke-KonbiniApi -Path '/v1/tiktok/users/emu.list.65/followers' -Query @{ count = 30 } -All)
        $pages | Should -HaveCount 3
        ($pages | ForEach-Object { $_.orderedItems.Count } | Measure-Object -Sum).Sum | Should -Be 65
    }

    It 'refuses paths that would leave /v1 or name another host, before any request' {
        foreach ($path in '/v1/../admin', 'https://evil.example/v1/x', '/v2/x', '/v1/a?b=c') {
            $null = Invoke-KonbiniApi -Path $path -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*' -Because $path
        }
        Get-ApiRequests | Should -HaveCount 0
    }
}
