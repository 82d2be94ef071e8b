/** Chinese strings for the library: saved projects, autosave, export and import. */
export const libraryZhCN = {
  'error.storage-full': '浏览器的存储空间已满，这个项目没能保存。之前保存的内容都还在；可以删除旧项目或已缓存的模型来腾出空间。',
  'error.storage-unavailable': '当前浏览器窗口无法保存任何内容（存储被禁用，某些隐私窗口就是这样）。请导出字幕以免丢失。',
  'error.library-file-invalid': '这不是 Zimu 的资料库文件，或者文件已损坏。没有导入任何内容。',
};
