#Requires -Version 7.0
# LinkedIn end to end against the emulator beyond what every list shares (company posts are a row of
# OperationRows/LinkedIn.psd1, run by Operations.Tests.ps1): single objects, every form of a post ID,
# names the contract accepts, the not-paginated member lists, parameter sets, chains, transcripts, CSV, views.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
}

AfterAll {
    Stop-TestSuite
}

Describe 'LinkedIn profiles and company pages' {
    BeforeEach { Reset-Emulator }

    It 'reads a member from a vanity name or a profile URL, names of digits only included' {
        $users = @(Get-KonbiniLinkedInUser -Username 'reidhoffman', 'https://www.linkedin.com/in/12345/', 'de.linkedin.com/in/jürgen-müller')
        $users | Should -HaveCount 3
        $users[0] | Should -BeOfType ([KonbiniApi.Models.LinkedInUser])
        $users.Username | Should -Be 'reidhoffman', '12345', 'jürgen-müller'
        $users[0].Url | Should -Be 'https://www.linkedin.com/in/reidhoffman'
        (Get-ApiRequests).rawTarget | Sort-Object | Should -Be '/v1/linkedin/users/12345', '/v1/linkedin/users/j%C3%BCrgen-m%C3%BCller', '/v1/linkedin/users/reidhoffman'
    }

    It 'reads a company from a vanity name, a numeric company ID or a page URL' {
        $pages = @('stripe', '2135371', 'https://www.linkedin.com/company/stripe/about/' | Get-KonbiniLinkedInCompany)
        $pages.Company | Should -Be 'stripe', '2135371', 'stripe'
        $pages[0] | Should -BeOfType ([KonbiniApi.Models.LinkedInCompany])
        Get-ApiRequests | Should -HaveCount 2 -Because 'the same page twice is looked up once'
    }

    It 'refuses what cannot be a name before any request, and says which cmdlet a company address is for' {
        $out = @(Get-KonbiniLinkedInUser -Username 'reid hoffman', 'a/b', '', 'https://www.linkedin.com/company/stripe' -ErrorAction SilentlyContinue -ErrorVariable failed)
        $out | Should -HaveCount 0
        $failed | Should -HaveCount 4
        $failed.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'KonbiniApi.InvalidInput,*' }
        "$($failed[3])" | Should -Match 'Get-KonbiniLinkedInCompany'
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'a member who does not exist is a NotFound error, charged' {
        { Get-KonbiniLinkedInUser -Username 'emu.notfound' -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.NotFound,*'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1
    }

    It '-Raw writes the API object as it came' {
        $raw = Get-KonbiniLinkedInCompany -Company 'stripe' -Raw
        $raw | Should -BeOfType [pscustomobject]
        $raw.type | Should -Be 'Organization'
        $raw.preferredUsername | Should -Be 'stripe'
    }
}

Describe 'LinkedIn posts by ID' {
    BeforeEach { Reset-Emulator }

    It 'takes the numeric ID, the activity URN, the slug and both kinds of post URL, and asks once' {
        $listed = (Get-KonbiniLinkedInPost -Username 'reidhoffman' -First 1)
        $id = $listed.PostId
        $slug = $listed.Url.Split('/')[-1]
        $forms = $id, "urn:li:activity:$id", $slug, $listed.Url, "https://www.linkedin.com/feed/update/urn:li:activity:$id/"
        Reset-Emulator
        $posts = @(Get-KonbiniLinkedInPost -PostId $forms)
        $posts | Should -HaveCount 5
        $posts.PostId | Sort-Object -Unique | Should -Be $id
        Get-ApiRequests | Should -HaveCount 1
        (Get-ApiRequests)[0].rawTarget | Should -Be "/v1/linkedin/posts/$id"
    }

    It 'is the same post as the one listed, with its video and first comments' {
        $listed = Get-KonbiniLinkedInPost -Username 'reidhoffman' -First 1
        $post = $listed | Get-KonbiniLinkedInPost
        $post.Text | Should -Be $listed.Text
        $post.LikeCount | Should -Be $listed.LikeCount
        $post.Published | Should -Be $listed.Published
        $post.AuthorUsername | Should -Be 'reidhoffman'
        $post.HasVideo | Should -BeTrue
        $post.Videos[0].Urls[0] | Should -Match '^https://'
        $post.Comments.Count | Should -BeLessOrEqual 5
        $post.ListedFor | Should -BeNullOrEmpty
    }

    It 'refuses share URNs and other addresses before any request' {
        $null = Get-KonbiniLinkedInPost -PostId 'urn:li:share:7483253516766109696', 'https://www.linkedin.com/in/reidhoffman', 'not-a-post' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 3
        "$($failed[0])" | Should -Match 'share URN'
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'list parameters do not apply to one post: refused before any request' {
        { Get-KonbiniLinkedInPost -PostId '7483253516766109696' -All -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }
}

Describe 'LinkedIn member posts and articles: whole lists' -ForEach @(
    @{ Name = 'posts'; Command = 'Get-KonbiniLinkedInPost'; Path = 'posts'; Type = 'LinkedInPost' }
    @{ Name = 'articles'; Command = 'Get-KonbiniLinkedInArticle'; Path = 'articles'; Type = 'LinkedInArticle' }
) {
    BeforeEach { Reset-Emulator }

    It '<Name>: one request gives every item, each saying whose it is' {
        $items = @(& $Command -Username 'emu.list.40')
        $items | Should -HaveCount 40
        $items[0].GetType().Name | Should -Be $Type
        $items.ListedFor | Sort-Object -Unique | Should -Be 'emu.list.40'
        $requests = Get-ApiRequests
        $requests | Should -HaveCount 1
        $requests[0].rawTarget | Should -Be "/v1/linkedin/users/emu.list.40/$Path"
    }

    It '<Name>: -First and -Skip choose among the items of the one answer' {
        $all = @(& $Command -Username 'emu.list.12')
        $some = @(& $Command -Username 'emu.list.12' -Skip 3 -First 4)
        $some | Should -HaveCount 4
        $some.Url | Should -Be $all[3..6].Url
        Get-ApiRequests | Should -HaveCount 2
        $total = @(& $Command -Username 'emu.list.12' -First 2 -IncludeTotalCount)
        $total[0].ToString() | Should -Match 'Total count: 12'
    }

    It '<Name>: -All, -PageSize and -Cursor say they do not apply, before any request' -ForEach @(
        @{ With = @{ All = $true } }, @{ With = @{ PageSize = 10 } }, @{ With = @{ Cursor = 'abc' } }
    ) {
        $given = @($With.Keys)[0]
        $parameters = @{ Username = 'reidhoffman'; ErrorAction = 'Stop' } + $With
        $thrown = $null
        try { & $Command @parameters } catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty -Because "-$given cannot silently do nothing"
        $thrown.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*'
        "$thrown" | Should -Match "-$given"
        "$thrown" | Should -Match 'not paginated'
        Get-ApiRequests | Should -HaveCount 0
    }

    It '<Name>: an empty list is no items and no error' {
        @(& $Command -Username 'emu.list.0') | Should -HaveCount 0
        Get-ApiRequests | Should -HaveCount 1
    }
}

Describe 'LinkedIn chains by property name' {
    BeforeEach { Reset-Emulator }

    It 'profiles pipe into posts and articles, pages into company posts' {
        $posts = @(Get-KonbiniLinkedInUser -Username 'reidhoffman' | Get-KonbiniLinkedInPost)
        $posts.Count | Should -BeGreaterThan 0
        $posts.ListedFor | Sort-Object -Unique | Should -Be 'reidhoffman'
        @(Get-KonbiniLinkedInUser -Username 'emu.list.2' | Get-KonbiniLinkedInArticle) | Should -HaveCount 2
        $companyPosts = @(Get-KonbiniLinkedInCompany -Company 'stripe' | Get-KonbiniLinkedInPost -First 3)
        $companyPosts | Should -HaveCount 3
        $companyPosts.AuthorUsername | Sort-Object -Unique | Should -Be 'stripe'
    }

    It 'CSV columns named Username, Company or PostId bind' {
        $csv = Join-Path $TestDrive 'in.csv'
        [pscustomobject]@{ Company = '2135371' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniLinkedInPost -First 2) | Should -HaveCount 2
        [pscustomobject]@{ Username = 'emu.list.3' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniLinkedInPost) | Should -HaveCount 3
    }
}

Describe 'LinkedIn transcripts' {
    BeforeEach { Reset-Emulator }

    It 'posts pipe into their captions: WebVTT and SubRip read into cues, no captions is NotFound' {
        $posts = @(Get-KonbiniLinkedInPost -Username 'emu.list.7')
        $out = @($posts | Get-KonbiniLinkedInTranscript -ErrorAction SilentlyContinue -ErrorVariable failed)
        $out | Should -HaveCount 2 -Because 'posts 0 and 3 have captioned videos, 6 a video without captions'
        $out[0] | Should -BeOfType ([KonbiniApi.Models.LinkedInTranscript])
        $out.Format | Should -Be 'WebVTT', 'SubRip'
        $out.PostId | Should -Be $posts[0].PostId, $posts[3].PostId
        foreach ($transcript in $out) {
            $transcript.Cues.Count | Should -BeGreaterThan 0
            $transcript.Cues[0].Start | Should -Be ([timespan]::Zero)
            $transcript.Cues[-1].End | Should -BeGreaterThan $transcript.Cues[0].End
            $transcript.Cues[0].Text | Should -Not -BeNullOrEmpty
        }
        $out[1].Content | Should -Match '^1\n00:00:00,000 --> '
        $failed | Should -HaveCount 5
        $failed.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'KonbiniApi.NotFound,*' }
        "$($failed[0])" | Should -Match 'no video with captions'
    }
}

Describe 'LinkedIn output' {
    BeforeEach { Reset-Emulator }

    It 'every type exports to CSV without type names or System.Object[]' {
        $csv = Join-Path $TestDrive 'out.csv'
        $post = Get-KonbiniLinkedInPost -Username 'reidhoffman' -First 1
        $objects = @(
            Get-KonbiniLinkedInUser -Username 'emu.full'
            Get-KonbiniLinkedInCompany -Company 'stripe'
            $post | Get-KonbiniLinkedInPost
            Get-KonbiniLinkedInPost -Company 'stripe' -First 2
            Get-KonbiniLinkedInArticle -Username 'emu.list.2'
            $post | Get-KonbiniLinkedInTranscript
        )
        foreach ($object in $objects) {
            $object | Export-Csv -Path $csv -NoTypeInformation
            $text = Get-Content -Raw $csv
            $text | Should -Not -Match 'System\.|KonbiniApi\.Models' -Because "$($object.GetType().Name) exports flat"
        }
        $user = Get-KonbiniLinkedInUser -Username 'emu.full'
        $user | Export-Csv -Path $csv -NoTypeInformation
        (Import-Csv $csv).Roles | Should -Be ($user.Roles -join '; ')
    }

    It 'each type has a table and a list view' {
        $post = Get-KonbiniLinkedInPost -Username 'reidhoffman' -First 1
        $checks = @(
            @{ Object = Get-KonbiniLinkedInUser -Username 'reidhoffman'; Header = 'Username\s+Name\s+Followers\s+Headline' }
            @{ Object = Get-KonbiniLinkedInCompany -Company 'stripe'; Header = 'Company\s+Name\s+Employees' }
            @{ Object = $post; Header = 'Published\s+Author\s+Likes\s+Comments\s+Video\s+Text' }
            @{ Object = Get-KonbiniLinkedInArticle -Username 'emu.list.1'; Header = 'Author\s+Likes\s+Title\s+Url' }
            @{ Object = $post | Get-KonbiniLinkedInTranscript; Header = 'PostId\s+Format\s+Cues\s+Bytes\s+Text' }
        )
        foreach ($check in $checks) {
            ($check.Object | Format-Table | Out-String -Width 250) | Should -Match $check.Header
            ($check.Object | Format-List | Out-String -Width 250) | Should -Match '(?m)^\w+\s*: '
        }
        (($post | Get-KonbiniLinkedInTranscript).Cues | Format-Table | Out-String) | Should -Match 'Start\s+End\s+Text'
    }
}
