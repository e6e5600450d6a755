# TikTok's rows of the list table (Operations.Tests.ps1). Each row: the cmdlet and the parameter that reads a
# list, the Style its input names emulator scenarios in (see Get-ListScenario in KonbiniTest.psm1), the
# endpoint's largest page, the type each item is ('*' for mixed lists), and Extra parameters every call needs.
# FixedPage marks an endpoint with one page size only.
@{
    Rows = @(
        @{ Cmdlet = 'Get-KonbiniTikTokFollower'; Parameter = 'Username'; Style = 'dot'; Max = 30; Type = 'TikTokUserSummary' }
        @{ Cmdlet = 'Get-KonbiniTikTokFollowing'; Parameter = 'Username'; Style = 'dot'; Max = 30; Type = 'TikTokUserSummary' }
        @{ Cmdlet = 'Search-KonbiniTikTokUser'; Parameter = 'Query'; Style = 'dot'; Max = 10; Type = 'TikTokUserSummary'; FixedPage = $true; FreeText = $true }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'Username'; Style = 'dot'; Max = 35; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'LikedBy'; Style = 'dot'; Max = 35; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'RepostedBy'; Style = 'dot'; Max = 30; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'Tag'; Style = 'underscore'; Max = 30; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'CollectionId'; Style = 'id'; Max = 35; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Get-KonbiniTikTokVideo'; Parameter = 'AudioId'; Style = 'id'; Max = 30; Type = 'TikTokVideo' }
        @{ Cmdlet = 'Search-KonbiniTikTokVideo'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = 'TikTokVideo'; FreeText = $true }
        @{ Cmdlet = 'Search-KonbiniTikTok'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = '*'; FreeText = $true }
        @{ Cmdlet = 'Get-KonbiniTikTokCollection'; Parameter = 'Username'; Style = 'dot'; Max = 30; Type = 'TikTokCollection' }
        @{ Cmdlet = 'Get-KonbiniTikTokStory'; Parameter = 'Username'; Style = 'dot'; Max = 35; Type = 'TikTokStory' }
        @{ Cmdlet = 'Get-KonbiniTikTokComment'; Parameter = 'VideoId'; Style = 'id'; Max = 50; Type = 'TikTokComment' }
        # An empty -CommentId means "the video's own comments", so the empty string is not hostile there.
        @{ Cmdlet = 'Get-KonbiniTikTokComment'; Parameter = 'CommentId'; Style = 'id'; Max = 50; Type = 'TikTokComment'; Extra = @{ VideoId = '7611615657754381599' }; EmptyAllowed = $true }
    )
}
