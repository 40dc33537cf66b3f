//! The eryao catalog in Simplified Chinese, kept by its translators apart from the
//! domains' catalogs: `catalog_locale!` checks it against the composed `Eryao` at
//! compile time, so a code added to any domain without a translation stops the build.

use super::Eryao;

problem_codes::catalog_locale! {
    /// The eryao frontend's codes in Simplified Chinese.
    pub locale ZH_HANS for Eryao = "zh-Hans" {
        AUTH_SERVICE_UNAVAILABLE {
            title: "认证服务暂不可用",
            handling: "显示重试提示并允许重试",
        },
        AUTH_TOO_MANY_REQUESTS {
            title: "验证码请求过于频繁",
            handling: "显示等待提示",
            detail: "请在 {retry_after} 秒后重试",
        },
        AUTH_VERIFICATION_CODE_INVALID {
            title: "验证码无效",
            handling: "提示用户重新输入验证码",
        },
        AUTH_REFRESH_TOKEN_INVALID {
            title: "刷新令牌无效或已过期",
            handling: "清除本地会话并返回登录页",
        },
        AUTH_REFRESH_TOKEN_MISSING {
            title: "退出登录时缺少刷新令牌",
            handling: "按本地退出处理并清除会话",
        },
        AUTH_USER_NOT_FOUND {
            title: "用户不存在",
            handling: "在适用处显示未找到提示",
        },
        POINTS_INSUFFICIENT_BALANCE {
            title: "积分不足，无法开始本次运行",
            handling: "显示充值或积分不足提示",
            detail: "需要 {required} 积分，当前余额 {balance}",
        },
        AGENT_SESSION_RUN_LIMIT_EXCEEDED {
            title: "会话已达到最大运行次数（首次运行加一次追问）",
            handling: "显示次数上限提示并要求开始新会话",
        },
        AGENT_RUNTIME_MODE_INVALID {
            title: "运行请求中缺少或无效的 `forwardedProps.runtime_mode`",
            handling: "显示请求无效提示并从当前页面重试",
        },
        AGENT_DIVINATION_PAYLOAD_REQUIRED {
            title: "运行请求中缺少必需的 `forwardedProps.divinationPayload`",
            handling: "提示用户重新起卦并再次提交",
        },
        AGENT_OUTPUT_DIVINATION_INVALID {
            title: "工作进程输出的 `divination_derived` 结构无效",
            handling: "显示通用的历史解析错误并建议重试最近一次运行",
        },
        AGENT_SESSION_ID_INVALID {
            title: "会话或线程 ID 格式无效",
            handling: "显示会话无效提示并强制刷新历史",
        },
        AGENT_SESSION_NOT_FOUND {
            title: "会话不存在（包括对不存在线程的追问）",
            handling: "显示会话不存在提示并刷新历史",
        },
        AGENT_AUDIO_UNSUPPORTED_FORMAT {
            title: "转写接口不接受该音频格式",
            handling: "显示格式提示并请用户用 wav 音频重试",
        },
        AGENT_AUDIO_TOO_LARGE {
            title: "音频文件超过转写大小上限",
            handling: "显示大小上限提示并请用户缩短音频",
        },
        AGENT_AUDIO_EMPTY {
            title: "上传的音频内容为空",
            handling: "显示重试提示并保留输入",
        },
        AGENT_ASR_UNAVAILABLE {
            title: "上游语音识别服务不可用",
            handling: "显示重试提示并允许改用文字输入",
        },
        PROFILE_PAYLOAD_INVALID {
            title: "资料更新内容无效（长度、类型或非空约束）",
            handling: "标出无效字段并阻止提交",
        },
        PROFILE_NOT_FOUND {
            title: "用户资料记录缺失",
            handling: "显示重试，并可选择触发资料初始化",
        },
        PROFILE_DELETE_FAILED {
            title: "后端未能完成账号彻底删除",
            handling: "显示删除失败提示并允许重试",
        },
        AVATAR_FILE_INVALID {
            title: "头像文件类型或大小无效",
            handling: "显示文件校验提示并请用户选择其他图片",
        },
        AVATAR_PATH_SCOPE_INVALID {
            title: "头像路径不属于当前用户范围",
            handling: "显示通用安全错误并强制刷新",
        },
        AVATAR_SIGNED_URL_FAILED {
            title: "后端未能生成头像签名上传地址",
            handling: "显示重试提示并保留原头像",
        },
        AVATAR_UPLOAD_FAILED {
            title: "后端未能将头像上传到存储",
            handling: "显示重试提示并保留原头像",
        },
    }
}
