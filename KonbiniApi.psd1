#
# Module manifest for KonbiniApi.
#
# ModuleVersion here is only a placeholder: build.ps1 stamps it from <VersionPrefix> in
# Directory.Build.props (the single source of the version) when it copies this file to out/KonbiniApi/.
#
@{
    RootModule           = 'KonbiniApi.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '37c6eb83-ab5b-4124-9e32-26367b82298f'
    Author               = 'KonbiniApi contributors'
    CompanyName          = 'KonbiniApi contributors'
    Copyright            = '(c) 2026 KonbiniApi contributors. MIT License.'
    Description          = 'PowerShell cmdlets for KonbiniAPI, the social-media data API: every TikTok, Instagram, X, Reddit and LinkedIn operation as typed objects (users, posts, videos, comments, followers, search, transcripts, downloads), with paging, batches, credits, retries and errors handled; manage API keys and check the credit balance. Runs on PowerShell 7 and Windows PowerShell 5.1.'

    # The assemblies target netstandard2.0, so one build serves both editions.
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')

    CmdletsToExport      = @(
        'Get-KonbiniTikTokUser'
        'Get-KonbiniTikTokFollower'
        'Get-KonbiniTikTokFollowing'
        'Search-KonbiniTikTokUser'
        'Get-KonbiniTikTokVideo'
        'Search-KonbiniTikTokVideo'
        'Search-KonbiniTikTok'
        'Get-KonbiniTikTokCollection'
        'Get-KonbiniTikTokStory'
        'Get-KonbiniTikTokLive'
        'Get-KonbiniTikTokComment'
        'Get-KonbiniTikTokTranscript'
        'Get-KonbiniTikTokAudio'
        'Save-KonbiniTikTokVideo'
        'Get-KonbiniXUser'
        'Get-KonbiniXPost'
        'Get-KonbiniXCommunity'
        'Get-KonbiniInstagramUser'
        'Get-KonbiniInstagramPost'
        'Get-KonbiniInstagramReel'
        'Get-KonbiniInstagramComment'
        'Get-KonbiniInstagramHighlight'
        'Get-KonbiniInstagramStory'
        'Search-KonbiniInstagram'
        'Get-KonbiniLinkedInUser'
        'Get-KonbiniLinkedInCompany'
        'Get-KonbiniLinkedInPost'
        'Get-KonbiniLinkedInArticle'
        'Get-KonbiniLinkedInTranscript'
        'Get-KonbiniRedditUser'
        'Get-KonbiniRedditPost'
        'Get-KonbiniRedditComment'
        'Get-KonbiniRedditActivity'
        'Get-KonbiniRedditSubreddit'
        'Get-KonbiniRedditRule'
        'Search-KonbiniRedditPost'
        'Search-KonbiniRedditUser'
        'Search-KonbiniRedditSubreddit'
        'Invoke-KonbiniApi'
        'Set-KonbiniApiKey'
        'Remove-KonbiniApiKey'
        'Get-KonbiniCredit'
        'Get-KonbiniConfiguration'
        'Set-KonbiniConfiguration'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    # One format file per platform.
    FormatsToProcess     = @(
        'KonbiniApi.Format.ps1xml'
        'KonbiniApi.Instagram.Format.ps1xml'
        'KonbiniApi.X.Format.ps1xml'
        'KonbiniApi.Reddit.Format.ps1xml'
        'KonbiniApi.LinkedIn.Format.ps1xml'
    )

    PrivateData          = @{
        PSData = @{
            Tags         = @(
                'KonbiniAPI', 'TikTok', 'Instagram', 'Twitter', 'X', 'Reddit', 'LinkedIn', 'API', 'SocialMedia', 'ActivityStreams',
                'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS'
            )
            ProjectUri   = 'https://github.com/konbiniapi/KonbiniApi'
            LicenseUri   = 'https://github.com/konbiniapi/KonbiniApi/blob/main/LICENSE'
            ReleaseNotes = 'First release: Get-KonbiniTikTokUser, API key management (Set-/Remove-KonbiniApiKey), Get-KonbiniCredit and module configuration (Get-/Set-KonbiniConfiguration).'
        }
    }
}
